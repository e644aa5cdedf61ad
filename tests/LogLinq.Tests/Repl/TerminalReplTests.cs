using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Repl;

/// <summary>
/// The REPL at a real terminal (a tmux pseudo-terminal): the prompt, a submission over several
/// lines, history from an earlier session recalled with Up, Ctrl-C stopping a running query and
/// clearing a typed line, and Ctrl-D leaving.
/// </summary>
[Collection(TerminalCollection.Name)]
public sealed class TerminalReplTests
{
    [TmuxFact]
    public async Task A_session_at_a_terminal()
    {
        using var state = new TempDirectory();
        string history = Path.Combine(state.Path, "loglinq", "history");
        Directory.CreateDirectory(Path.GetDirectoryName(history)!);
        await File.WriteAllTextAsync(history, "\"from an earlier session\"\n");

        using TmuxSession terminal = TmuxSession.StartLoglinq(
            ["repl"],
            new Dictionary<string, string> { ["XDG_STATE_HOME"] = state.Path, ["NO_COLOR"] = "1" });
        await terminal.WaitForAsync(screen => screen.EndsWith("\n>", StringComparison.Ordinal), "the prompt");

        // A submission over two lines: the second gets the continuation prompt.
        terminal.Type("logs.Where(r =>");
        terminal.Press("Enter");
        await terminal.WaitForAsync(screen => screen.EndsWith("\n.", StringComparison.Ordinal), "the continuation prompt");
        terminal.Type("  r.Status == 404).Count()");
        terminal.Press("Enter");
        long notFound = SampleLogFacts.CopiesUnderData * 2053L;
        await terminal.WaitForAsync(screen => screen.Contains($"> logs.Where(r =>\n.   r.Status == 404).Count()\n{notFound}\n>", StringComparison.Ordinal), "the count");

        // Ctrl-C stops a submission that runs until stopped, and the prompt comes back.
        terminal.Type("while (true) { logs.Count(); }");
        terminal.Press("Enter");
        await Task.Delay(TimeSpan.FromSeconds(1));
        terminal.Press("C-c");
        await terminal.WaitForAsync(screen => screen.EndsWith("interrupted\n>", StringComparison.Ordinal), "the interruption");

        // Ctrl-C at the prompt drops what was typed.
        terminal.Type("not this");
        terminal.Press("C-c");
        await terminal.WaitForAsync(screen => screen.EndsWith("> not this^C\n>", StringComparison.Ordinal), "the line dropped");

        // Up recalls this session's submissions, the one over two lines whole, then the earlier session's.
        terminal.Press("Up");
        await terminal.WaitForAsync(screen => screen.EndsWith("> while (true) { logs.Count(); }", StringComparison.Ordinal), "the last submission");
        terminal.Press("Up");
        await terminal.WaitForAsync(screen => screen.EndsWith("> logs.Where(r =>\n.   r.Status == 404).Count()", StringComparison.Ordinal), "the two-line submission");
        terminal.Press("Up");
        await terminal.WaitForAsync(screen => screen.EndsWith("> \"from an earlier session\"", StringComparison.Ordinal), "the earlier session's");
        terminal.Press("Enter");
        await terminal.WaitForAsync(screen => screen.EndsWith("\nfrom an earlier session\n>", StringComparison.Ordinal), "its value");

        // Tab completes a global.
        terminal.Type("Para");
        terminal.Press("Tab");
        await terminal.WaitForAsync(screen => screen.EndsWith("> Params", StringComparison.Ordinal), "the completion");
        terminal.Type(".Count");
        terminal.Press("Enter");
        await terminal.WaitForAsync(screen => screen.EndsWith("> Params.Count\n0\n>", StringComparison.Ordinal), "its value");

        // Ctrl-D on the empty line ends the session.
        terminal.Press("C-d");
        await terminal.WaitForAsync(_ => terminal.ExitStatus() is not null, "the exit");
        terminal.ExitStatus().Should().Be(0);

        string[] saved = await File.ReadAllLinesAsync(history);
        saved.Should().Equal(
            "\"from an earlier session\"",
            @"logs.Where(r =>\n  r.Status == 404).Count()",
            "while (true) { logs.Count(); }",
            "\"from an earlier session\"",
            "Params.Count");
    }
}

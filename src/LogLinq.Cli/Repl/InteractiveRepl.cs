using LogLinq.Cli.Commands;

namespace LogLinq.Cli.Repl;

/// <summary>The REPL at a terminal: a greeting, then submissions read by the <see cref="LineEditor"/>.</summary>
internal static class InteractiveRepl
{
    /// <summary>Runs the session at the terminal until <c>#exit</c> or Ctrl-D.</summary>
    public static async Task<int> RunAsync(ReplLoop loop, ScriptSession session, IReadOnlyList<string> globs, ValueDisplay display)
    {
        var editor = new LineEditor(
            new History(History.DefaultPath()),
            ReplDirective.IsComplete,
            (text, cursor) => Completion.Complete(text, cursor, session.VariableNames),
            display.Style);

        Console.Out.WriteLine(display.Style.Dim($"C# over {string.Join(" ", globs)} as logs. #help for help, #exit or Ctrl-D to leave."));
        // Errors at a prompt were seen and dealt with: leaving the session is a success.
        await loop.RunAsync(Submissions(editor), stopOnInterrupt: false);
        return ExitCodes.Success;
    }

    private static IEnumerable<string> Submissions(LineEditor editor)
    {
        while (editor.ReadSubmission() is { } submission)
        {
            yield return submission;
        }
    }
}

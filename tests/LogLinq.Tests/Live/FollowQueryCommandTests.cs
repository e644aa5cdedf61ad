using System.Diagnostics;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Live;

/// <summary><c>loglinq query --follow</c> as a real process, over a file a real writer is appending to.</summary>
[Collection(LiveCollection.Name)]
public sealed class FollowQueryCommandTests
{
    private static readonly string SampleLog = Path.Combine(TestPaths.Data, "access-log");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Rows_are_printed_while_the_writer_is_still_writing_and_Ctrl_C_ends_it_cleanly()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log");
        using Process follow = LoglinqProcess.Start(["query", "--follow", $"from \"{log}\" | where status == 404 | select line, path", "--format", "csv"]);
        (await ReadLineAsync(follow)).Should().Be("line,path");

        // One line every 20 ms: the 404s come over seconds, and the writer is still going when the first is printed.
        using Process writer = ShellProcess.Start("head -n 2000 \"$1\" | while IFS= read -r l; do printf '%s\\n' \"$l\" >> \"$2\"; sleep 0.02; done", SampleLog, log);
        string first = await ReadLineAsync(follow);
        writer.HasExited.Should().BeFalse("the row came while the writer was still writing");
        first.Should().EndWith(",/favicon.ico");

        await Interrupt(follow);
        string rest = await follow.StandardOutput.ReadToEndAsync();
        await LoglinqProcess.WaitForExitAsync(follow, Patience);
        follow.ExitCode.Should().Be(0, await follow.StandardError.ReadToEndAsync());
        writer.Kill();
        (first + "\n" + rest).Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().OnlyContain(row => row.Contains(',', StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_window_is_printed_when_a_later_one_starts_and_the_last_when_Ctrl_C_ends_it()
    {
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        string[] lines = File.ReadLines(SampleLog).Take(300).ToArray();
        File.WriteAllLines(log, lines);
        const string Stages = "summarize count() as n by bin(time, 1h) as hour";
        LoglinqProcess.Result alone = await LoglinqProcess.RunAsync(["query", $"from \"{log}\" | {Stages}", "--format", "csv"]);
        string[] hours = alone.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        using Process follow = LoglinqProcess.Start(["query", "--follow", "--from-start", $"from \"{log}\" | {Stages}", "--format", "csv"]);

        // Every window but the last is closed by the next one's first record; the last is still open.
        for (int i = 0; i < hours.Length - 1; i++)
        {
            (await ReadLineAsync(follow)).Should().Be(hours[i]);
        }

        Task<string?> last = follow.StandardOutput.ReadLineAsync();
        (await Task.WhenAny(last, Task.Delay(TimeSpan.FromSeconds(1)))).Should().NotBeSameAs(last, "the last hour is not over yet");

        await Interrupt(follow);
        (await last.WaitAsync(Patience)).Should().Be(hours[^1]);
        await LoglinqProcess.WaitForExitAsync(follow, Patience);
        follow.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task A_query_that_needs_the_end_of_its_input_is_refused()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", "--follow", "from \"data/access-log\" | where status == 404 | count"]);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain("count here would never answer").And.Contain("summarize ... by bin(time, d)");
    }

    private static async Task<string> ReadLineAsync(Process process) =>
        await process.StandardOutput.ReadLineAsync().WaitAsync(Patience) ?? throw new EndOfStreamException("loglinq's stdout ended");

    /// <summary>Ctrl-C, as a terminal sends it: Process.Kill would send SIGKILL.</summary>
    private static async Task Interrupt(Process process)
    {
        using Process kill = Process.Start("kill", ["-s", "INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }
}

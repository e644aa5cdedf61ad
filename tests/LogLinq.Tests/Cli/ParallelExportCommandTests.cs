using System.Diagnostics;

namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq exporting rows from a log big enough to be read in parallel (30 copies of the
/// sample, 20 MB): the rows are the small sample's, read the sequential way, 30 times over, in order;
/// and a reader that goes away early ends it quietly.
/// </summary>
public sealed class ParallelExportCommandTests : IDisposable
{
    private const int Copies = 30;

    private const string Stages = "where status == 404 or bytes > 1000000 | select host, time, path, bytes";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string BigLog()
    {
        byte[] sample = File.ReadAllBytes(Path.Combine(TestPaths.Data, "access-log"));
        string path = _dir.File("big-log");
        using FileStream big = File.Create(path);
        for (int i = 0; i < Copies; i++)
        {
            big.Write(sample);
        }

        return path;
    }

    [Fact]
    public async Task Rows_are_the_samples_rows_in_order_once_a_copy()
    {
        string big = BigLog();

        LoglinqProcess.Result once = await LoglinqProcess.RunAsync(["query", $"from \"data/access-log\" | {Stages}", "--format", "tsv"]);
        LoglinqProcess.Result all = await LoglinqProcess.RunAsync(["query", $"from \"{big}\" | {Stages}", "--format", "tsv"]);
        LoglinqProcess.Result explain = await LoglinqProcess.RunAsync(["query", $"from \"{big}\" | {Stages}", "--explain"]);

        once.ExitCode.Should().Be(0, once.ToString());
        all.ExitCode.Should().Be(0, all.ToString());
        explain.Stdout.Should().Contain("parallel, 2 worker(s) make the rows, handed out in file order");
        string header = once.Stdout[..(once.Stdout.IndexOf('\n') + 1)];
        string rows = once.Stdout[header.Length..];
        rows.Split('\n').Length.Should().BeGreaterThan(2000);
        all.Stdout.Should().Be(header + string.Concat(Enumerable.Repeat(rows, Copies)));
    }

    [Fact]
    public async Task A_reader_that_goes_away_ends_it_quietly()
    {
        string big = BigLog();

        // As in `loglinq query ... | head -1`.
        using Process process = LoglinqProcess.Start(["query", $"from \"{big}\" | select host, path", "--format", "csv"]);
        process.StandardInput.Close();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        char[] first = new char[64];
        await process.StandardOutput.ReadAsync(first);
        process.StandardOutput.Close();

        await LoglinqProcess.WaitForExitAsync(process, LoglinqProcess.DefaultTimeout, stderr: stderr);

        string error = await stderr;
        error.Should().NotContain("Exception").And.NotContain("   at ");
        process.ExitCode.Should().Be(0, error);
    }
}

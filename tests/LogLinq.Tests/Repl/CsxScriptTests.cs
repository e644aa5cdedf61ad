using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Repl;

/// <summary>
/// Saved C# scripts, <c>loglinq repl --script queries/NAME.csx [--set k=v]</c>: the tutorial's
/// questions over data/**/access-log* (seven copies of the sample log), checked against awk's
/// numbers for one copy.
/// </summary>
public sealed class CsxScriptTests
{
    private const int Copies = SampleLogFacts.CopiesUnderData;

    public static TheoryData<string> Scripts()
    {
        var scripts = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(Path.Combine(LoglinqProcess.RepoRoot, "queries"), "*.csx").Order(StringComparer.Ordinal))
        {
            scripts.Add(Path.GetFileName(path));
        }

        return scripts;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Every_saved_script_runs_with_its_defaults(string script)
    {
        LoglinqProcess.Result result = await ReplProcess.RunAsync(["repl", "--script", $"queries/{script}"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stderr.Should().BeEmpty();
        result.Stdout.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Bytes_for_one_file_across_every_log()
    {
        // awk '$7=="/ply/ply-2.3.tar.gz" {n++; s+=$NF} END {print n, s}' data/access-log: 115 12750233
        LoglinqProcess.Result result = await ReplProcess.RunAsync(
            ["repl", "--script", "queries/bytes-for-file.csx", "--set", "file=/ply/ply-2.3.tar.gz"]);

        result.Stdout.Should().MatchRegex(
            $@"^File\s+/ply/ply-2\.3\.tar\.gz\nRequests\s+{115 * Copies}\nBytes\s+{12750233L * Copies}\n$",
            result.ToString());
    }

    [Fact]
    public async Task Run_dispatches_a_csx_file_to_the_script_runner()
    {
        // awk '$7=="/ply/ply-2.3.tar.gz" {n++; s+=$NF} END {print n, s}' data/access-log: 115 12750233
        LoglinqProcess.Result result = await ReplProcess.RunAsync(
            ["run", "queries/bytes-for-file.csx", "--set", "file=/ply/ply-2.3.tar.gz", "--from", "data/access-log"]);

        result.Stdout.Should().MatchRegex(@"^File\s+/ply/ply-2\.3\.tar\.gz\nRequests\s+115\nBytes\s+12750233\n$", result.ToString());
    }

    [Fact]
    public async Task Parameters_reach_the_script_and_the_last_value_of_a_key_wins()
    {
        LoglinqProcess.Result result = await ReplProcess.RunAsync(
            ["repl", "--script", "queries/bytes-for-file.csx", "--set", "file=/nothing", "--set", "file=/robots.txt"]);

        // awk '$7=="/robots.txt"' data/access-log | wc -l
        result.Stdout.Should().MatchRegex($@"^File\s+/robots\.txt\nRequests\s+{191 * Copies}\n", result.ToString());
    }

    [Fact]
    public async Task The_most_downloaded_files()
    {
        LoglinqProcess.Result result = await ReplProcess.RunAsync(["repl", "--script", "queries/top-downloads.csx", "--set", "n=3"]);

        string[] lines = result.Stdout.TrimEnd('\n').Split('\n');
        lines[0].Should().MatchRegex(@"^Path\s+Downloads\s+Bytes$", result.ToString());
        lines[2..5].Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..2]).Should().BeEquivalentTo(
            SampleLogFacts.TopDownloads.Take(3).Select(x => new[] { x.Path, $"{x.Count * Copies}" }),
            options => options.WithStrictOrdering());
        lines[^1].Should().Be("(3 rows)");
    }

    [Fact]
    public async Task Documents_not_found_and_hosts_that_fetched_robots_txt()
    {
        LoglinqProcess.Result notFound = await ReplProcess.RunAsync(["repl", "--script", "queries/not-found.csx", "--set", "rows=1000"]);
        LoglinqProcess.Result robots = await ReplProcess.RunAsync(["repl", "--script", "queries/robots.csx"]);

        string[] paths = notFound.Stdout.TrimEnd('\n').Split('\n');
        paths[..^1].Should().BeEquivalentTo(SampleLogFacts.BrokenDocuments, notFound.ToString());
        paths[^1].Should().Be($"({SampleLogFacts.BrokenDocuments.Length} rows)");

        // awk '$7=="/robots.txt" {print $1}' data/access-log | sort -u | wc -l
        robots.Stdout.Should().EndWith("(20 of 84 rows)\n", robots.ToString());
    }

    [Fact]
    public async Task Large_requests_print_a_line_then_the_largest_record()
    {
        LoglinqProcess.Result result = await ReplProcess.RunAsync(["repl", "--script", "queries/large-requests.csx"]);

        result.Stdout.Should().StartWith($"{SampleLogFacts.OverOneMegabyte * Copies} requests over 1000000 bytes; the largest:\n", result.ToString());
        result.Stdout.Should().MatchRegex($@"\nPath\s+{SampleLogFacts.LargestPath}\n").And.MatchRegex($@"\nBytes\s+{SampleLogFacts.LargestBytes}\n");
    }

    [Fact]
    public async Task A_custom_aggregate_and_a_join_say_what_only_CSharp_can()
    {
        LoglinqProcess.Result visits = await ReplProcess.RunAsync(["repl", "--script", "queries/visits.csx", "--set", "n=5"]);
        LoglinqProcess.Result crawlers = await ReplProcess.RunAsync(["repl", "--script", "queries/crawlers.csx"]);

        visits.Stdout.Should().MatchRegex(@"^Host\s+Visits\s+Requests\s+LongestMinutes\n", visits.ToString());
        visits.Stdout.Should().EndWith("(5 rows)\n");
        crawlers.Stdout.Should().MatchRegex(@"^Host\s+Requests\s+Bytes\s+Pages\n", crawlers.ToString());
        crawlers.Stdout.Should().EndWith("(20 of 84 rows)\n");
    }

    [Fact]
    public async Task Errors_in_a_script_are_told_by_file_line_and_column_with_exit_1()
    {
        using var dir = new TempDirectory();
        string compile = dir.WriteLines("compile.csx", "var a = 1;", "var b = a + nope;");
        string run = dir.WriteLines("run.csx", "var counts = new int[2];", "", "counts[5]");

        LoglinqProcess.Result compiled = await ReplProcess.RunAsync(["repl", "--script", compile]);
        LoglinqProcess.Result ran = await ReplProcess.RunAsync(["repl", "--script", run]);
        LoglinqProcess.Result missing = await ReplProcess.RunAsync(["repl", "--script", dir.File("missing.csx")]);

        compiled.ExitCode.Should().Be(1);
        compiled.StderrLines.Should().Equal($"{compile}:2:13: error CS0103: The name 'nope' does not exist in the current context");
        ran.ExitCode.Should().Be(1);
        ran.StderrLines.Should().Equal($"{run}:3:1: error: IndexOutOfRangeException: Index was outside the bounds of the array.");
        missing.ExitCode.Should().Be(1);
        missing.Stderr.Should().StartWith($"loglinq: cannot read {dir.File("missing.csx")}");
    }

    [Fact]
    public async Task A_parameter_without_a_value_is_a_usage_error()
    {
        LoglinqProcess.Result result = await ReplProcess.RunAsync(["repl", "--script", "queries/robots.csx", "--set", "novalue"]);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().StartWith("loglinq: --set takes key=value, not 'novalue'.");
    }
}

namespace LogLinq.Tests.Cli;

/// <summary><c>loglinq report</c>, run as a process over the sample logs and over files made here.</summary>
public sealed class ReportCommandTests
{
    private const string GoodLine = "127.0.0.1 - - [24/Feb/2008:00:08:59 -0600] \"GET /index.html HTTP/1.1\" 200 1234";
    private const string OtherGoodLine = "10.0.0.2 - - [24/Feb/2008:00:09:10 -0600] \"GET /missing HTTP/1.1\" 404 -";

    [Fact]
    [Trait("Requires", "real-sources")] // globbing with ** and gzip/bzip2 decompression
    public async Task Json_on_the_default_glob_matches_the_numbers_from_the_shell()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", "--format", "json"]);

        run.ExitCode.Should().Be(0, run.ToString());
        ShouldMatchSampleLog(ReportJson.Parse(run.Stdout), SampleLogFacts.CopiesUnderData);
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Json_on_the_plain_copies_matches_the_numbers_from_the_shell()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", "--format", "json", .. SampleLogFacts.PlainCopies]);

        run.ExitCode.Should().Be(0, run.ToString());
        ShouldMatchSampleLog(ReportJson.Parse(run.Stdout), SampleLogFacts.PlainCopies.Length);
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Table_output_has_the_numbers_as_plain_aligned_text_when_piped()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", SampleLogFacts.SampleLog]);

        run.ExitCode.Should().Be(0, run.ToString());
        string[] lines = run.Stdout.Split('\n');
        lines.Should().Contain(l => l.StartsWith("Records read ", StringComparison.Ordinal) && l.EndsWith($" {SampleLogFacts.Records}", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("Total bytes transferred ", StringComparison.Ordinal) && l.Contains($" {SampleLogFacts.TotalBytes} ", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("Requests over 1 MB ", StringComparison.Ordinal) && l.EndsWith($" {SampleLogFacts.OverOneMegabyte}", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("Largest document ", StringComparison.Ordinal)
            && l.EndsWith($" {SampleLogFacts.LargestPath} ({SampleLogFacts.LargestBytes} bytes)", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("Unique hosts ", StringComparison.Ordinal) && l.EndsWith($" {SampleLogFacts.UniqueHosts}", StringComparison.Ordinal));
        lines.Should().Contain(l => l.EndsWith($" {SampleLogFacts.TopDownloads[0].Count}  {SampleLogFacts.TopDownloads[0].Path}", StringComparison.Ordinal));
        lines.Should().Contain($"  {SampleLogFacts.BrokenDocuments[0]}");
        lines.Should().Contain($"  {SampleLogFacts.RobotsHosts[0]}");

        // Readable in a pipe: no colour codes, no box drawing.
        run.Stdout.Should().NotContain("\u001b").And.NotContainAny("│", "─", "╭");

        // The answers line up in one column.
        string[] summary = [.. lines.TakeWhile(l => l.Length > 0)];
        summary.Should().HaveCountGreaterThan(5);
        summary.Select(ValueColumn).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task Long_lists_show_their_first_twenty_and_say_how_many_more()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", SampleLogFacts.SampleLog]);

        run.ExitCode.Should().Be(0, run.ToString());
        List<string> lines = [.. run.Stdout.Split('\n')];
        ListUnder(lines, $"Documents not found (404): {SampleLogFacts.BrokenDocuments.Length}").Should().Equal(
            [.. SampleLogFacts.BrokenDocuments.Take(20).Select(path => $"  {path}"), $"  ... {SampleLogFacts.BrokenDocuments.Length - 20} more (--limit 0 shows them all)"]);
        ListUnder(lines, $"Hosts that fetched /robots.txt: {SampleLogFacts.RobotsHosts.Length}").Should().Equal(
            [.. SampleLogFacts.RobotsHosts.Take(20).Select(host => $"  {host}"), $"  ... {SampleLogFacts.RobotsHosts.Length - 20} more (--limit 0 shows them all)"]);
    }

    [Theory]
    [InlineData("0", -1)] // all
    [InlineData("3", 3)]
    [InlineData("1000", -1)]
    public async Task The_limit_option_sets_how_many_entries_a_list_shows(string limit, int shown)
    {
        shown = shown < 0 ? SampleLogFacts.BrokenDocuments.Length : shown;
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", "--limit", limit, SampleLogFacts.SampleLog]);

        run.ExitCode.Should().Be(0, run.ToString());
        List<string> list = ListUnder([.. run.Stdout.Split('\n')], $"Documents not found (404): {SampleLogFacts.BrokenDocuments.Length}");
        list.Take(shown).Should().Equal(SampleLogFacts.BrokenDocuments.Take(shown).Select(path => $"  {path}"));
        list.Should().HaveCount(shown < SampleLogFacts.BrokenDocuments.Length ? shown + 1 : shown);
    }

    [Fact]
    public async Task A_negative_limit_is_a_usage_error()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", "--limit", "-1", SampleLogFacts.SampleLog]);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain("--limit takes a number of entries, 0 or more");
    }

    /// <summary>The indented lines under the list titled <paramref name="title"/>.</summary>
    private static List<string> ListUnder(List<string> lines, string title) =>
        [.. lines.SkipWhile(l => l != title).Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))];

    [Fact]
    public async Task Malformed_lines_are_skipped_counted_and_shown_as_file_line_reason()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("mixed.log", GoodLine, "this is not a log line", OtherGoodLine, "1.2.3.4 - - [yesterday] \"GET / HTTP/1.0\" 200 1");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", "--format", "json", log]);

        run.ExitCode.Should().Be(0, run.ToString());
        ReportJson report = ReportJson.Parse(run.Stdout);
        report.Records.Should().Be(2);
        report.Malformed.Should().Be(2);
        report.TotalBytes.Should().Be(1234);
        report.BrokenDocuments.Should().Equal("/missing");
        run.StderrLines.Should().Contain(l => l.Contains("2 malformed lines", StringComparison.Ordinal));
        run.StderrLines.Should().Contain(l => l.StartsWith($"{log}:2: ", StringComparison.Ordinal));
        run.StderrLines.Should().Contain(l => l.StartsWith($"{log}:4: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Strict_mode_fails_at_the_first_malformed_line()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("mixed.log", GoodLine, "this is not a log line", "neither is this");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", "--strict", log]);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith($"loglinq: {log}:2: ");
    }

    [Fact]
    public async Task Strict_mode_passes_a_clean_log()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", "--strict", "--format", "json", SampleLogFacts.SampleLog]);

        run.ExitCode.Should().Be(0, run.ToString());
        ReportJson.Parse(run.Stdout).Records.Should().Be(SampleLogFacts.Records);
    }

    [Theory]
    [InlineData("common", SampleLogFacts.Records, 0)]
    [InlineData("COMMON", SampleLogFacts.Records, 0)]
    [InlineData("auto", SampleLogFacts.Records, 0)]
    [InlineData("combined", 0, SampleLogFacts.Records)] // the sample has no referrer or user agent
    public async Task The_log_format_option_chooses_the_parser(string format, long records, long malformed)
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", "--format", "json", "--log-format", format, SampleLogFacts.SampleLog]);

        run.ExitCode.Should().Be(0, run.ToString());
        ReportJson report = ReportJson.Parse(run.Stdout);
        report.Records.Should().Be(records);
        report.Malformed.Should().Be(malformed);
    }

    [Fact]
    public async Task An_empty_log_gives_an_empty_report()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("empty.log");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", "--format", "json", log]);

        run.ExitCode.Should().Be(0, run.ToString());
        ReportJson report = ReportJson.Parse(run.Stdout);
        report.Records.Should().Be(0);
        report.LargestPath.Should().BeNull();
        report.TopDownloads.Should().BeEmpty();
    }

    [Fact]
    [Trait("Requires", "real-sources")] // the stub GlobFinder skips what does not exist
    public async Task A_glob_that_matches_nothing_fails_naming_the_glob()
    {
        using var temp = new TempDirectory();
        const string glob = "nothing-here/**/*.log";

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", glob], workingDirectory: temp.Path);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith("loglinq: ").And.Contain(glob);
    }

    [Fact]
    [Trait("Requires", "real-sources")] // the stub GlobFinder skips what does not exist
    public async Task A_missing_file_fails_in_one_line()
    {
        using var temp = new TempDirectory();
        string missing = temp.File("missing.log");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", missing]);

        run.ExitCode.Should().Be(1, run.ToString());
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith("loglinq: ").And.Contain("missing.log");
    }

    [Fact]
    [Trait("Requires", "real-sources")] // the stub LogFileOpener does not decompress
    public async Task A_corrupt_compressed_file_fails_in_one_line()
    {
        using var temp = new TempDirectory();
        string corrupt = temp.File("access-log.gz");
        byte[] gzip = File.ReadAllBytes(Path.Combine(LoglinqProcess.RepoRoot, "data/www/foo/access-log-0108.gz"));
        File.WriteAllBytes(corrupt, gzip[..(gzip.Length / 2)]);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", corrupt]);

        run.ExitCode.Should().Be(1, run.ToString());
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith("loglinq: ").And.Contain("access-log.gz");
    }

    /// <summary>Where the answer starts on a summary line: after the label and at least two spaces.</summary>
    private static int ValueColumn(string line)
    {
        int column = line.IndexOf("  ", StringComparison.Ordinal);
        while (column >= 0 && column < line.Length && line[column] == ' ')
        {
            column++;
        }

        return column;
    }

    private static void ShouldMatchSampleLog(ReportJson report, int copies)
    {
        report.Records.Should().Be(SampleLogFacts.Records * copies);
        report.Malformed.Should().Be(0);
        report.TotalBytes.Should().Be(SampleLogFacts.TotalBytes * copies);
        report.BrokenDocuments.Should().Equal(SampleLogFacts.BrokenDocuments);
        report.OverOneMegabyte.Should().Be(SampleLogFacts.OverOneMegabyte * copies);
        report.LargestPath.Should().Be(SampleLogFacts.LargestPath);
        report.LargestBytes.Should().Be(SampleLogFacts.LargestBytes);
        report.UniqueHosts.Should().Be(SampleLogFacts.UniqueHosts);
        report.RobotsHosts.Should().Equal(SampleLogFacts.RobotsHosts);
        report.TopDownloads.Should().Equal(SampleLogFacts.TopDownloads.Select(d => (d.Path, d.Count * copies)));
    }
}

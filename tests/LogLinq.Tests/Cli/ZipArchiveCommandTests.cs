using LogLinq.Tests.Sources;

namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over zip archives, as IIS servers and hosting panels hand logs out: the sample
/// log in two files of one archive, an archive in a glob with plain and gzip copies, and one cut
/// short. Answers from <see cref="SampleLogFacts"/> (worked out with awk) and
/// <c>awk '$9 == 404' data/access-log | wc -l</c> = 2053.
/// </summary>
public sealed class ZipArchiveCommandTests : IDisposable
{
    private const long NotFound = 2053;

    private readonly TempDirectory _temp = new();

    public ZipArchiveCommandTests()
    {
        (byte[] first, byte[] rest) = ZipArchives.SplitSample(3000);
        Directory.CreateDirectory(_temp.File("logs"));
        ZipArchives.Write(_temp.File("logs/x.zip"), ("access-log.1", first), ("access-log", rest));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_sample_log_in_two_files_of_an_archive_sums_as_the_sample_log()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", "from \"logs/x.zip\" | summarize count(), sum(bytes)"], _temp.Path);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.ReplaceLineEndings("\n").Should().Be($"count,sum_bytes\n{SampleLogFacts.Records},{SampleLogFacts.TotalBytes}\n");
        run.Stderr.Should().BeEmpty();

        LoglinqProcess.Result notFound = await LoglinqProcess.RunAsync(["query", "from \"logs/x.zip\" | where status == 404 | count"], _temp.Path);

        notFound.Stdout.ReplaceLineEndings("\n").Should().Be($"count\n{NotFound}\n", notFound.ToString());
    }

    [Fact]
    public async Task An_archive_in_a_glob_is_read_with_the_plain_and_gzip_files_next_to_it()
    {
        File.Copy(Path.Combine(TestPaths.Data, "access-log"), _temp.File("logs/access.log"));
        File.Copy(Path.Combine(TestPaths.Data, "www/foo/access-log-0108.gz"), _temp.File("logs/access.log.1.gz"));

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", "from \"logs/*\" | summarize count(), sum(bytes) by file | sort by file"], _temp.Path);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.ReplaceLineEndings("\n").Should().Be(
            "file,count,sum_bytes\n"
            + $"logs/access.log,{SampleLogFacts.Records},{SampleLogFacts.TotalBytes}\n"
            + $"logs/access.log.1.gz,{SampleLogFacts.Records},{SampleLogFacts.TotalBytes}\n"
            + $"logs/x.zip,{SampleLogFacts.Records},{SampleLogFacts.TotalBytes}\n");
    }

    [Fact]
    public async Task An_archive_cut_short_is_named_after_the_answer_which_keeps_the_other_files_and_the_run_exits_1()
    {
        byte[] whole = File.ReadAllBytes(_temp.File("logs/x.zip"));
        _temp.Write("logs/cut.zip", whole[..(whole.Length / 2)]);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", "--format", "json", "logs/*"], _temp.Path);

        run.ExitCode.Should().Be(1, run.ToString());
        ReportJson report = ReportJson.Parse(run.Stdout);
        report.Records.Should().Be(SampleLogFacts.Records);
        report.TotalBytes.Should().Be(SampleLogFacts.TotalBytes);
        run.StderrLines.Should().ContainSingle().Which.Should().Be(
            "loglinq: logs/cut.zip: corrupt or truncated zip data after 0 bytes (read up to there)");

        LoglinqProcess.Result strict = await LoglinqProcess.RunAsync(["query", "from \"logs/*\" | count", "--strict"], _temp.Path);

        strict.ExitCode.Should().Be(1, strict.ToString());
        strict.Stdout.Should().BeEmpty();
        strict.StderrLines.Should().ContainSingle().Which.Should().Contain("logs/cut.zip: corrupt or truncated zip data");
    }
}

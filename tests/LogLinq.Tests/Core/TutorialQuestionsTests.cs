using LogLinq.Pipeline;
using LogLinq.Records;

namespace LogLinq.Tests.Core;

/// <summary>
/// The questions of the generator tutorial, asked of <c>data/www/**/access-log*</c> (six files: plain,
/// gzip and bzip2, each decompressing to data/access-log) with LINQ to Objects over the pipeline, and
/// checked against <see cref="TutorialOracle"/>, which reads the same data without LogLinq; and asked
/// of the plain data/access-log, checked against numbers worked out with awk.
/// </summary>
public sealed class TutorialQuestionsTests(TutorialOracle oracle) : IClassFixture<TutorialOracle>
{
    private const int FileCount = 6;

    private static readonly string Glob = Path.Combine(TestPaths.RepoRoot, "data", "www", "**", "access-log*");

    private static readonly string Sample = Path.Combine(TestPaths.Data, "access-log");

    /// <summary>A fresh lazy query over every file of the glob, as the tutorial builds it.</summary>
    private static IEnumerable<LogRecord> Www() => LogPipeline.Find(Glob).Open().Cat().Parse();

    private static IEnumerable<LogRecord> SampleLog() => LogPipeline.Find(Sample).Open().Cat().Parse();

    // ---- The oracle itself, checked against the data and the hand-worked numbers ----

    [Fact]
    public void The_oracle_reads_six_files_each_the_sample_log()
    {
        oracle.Files.Should().HaveCount(FileCount);
        oracle.Files.Select(Path.GetFileName).Should().BeEquivalentTo(
            "access-log", "access-log-0108.bz2", "access-log-0208.bz2", "access-log", "access-log-0108.gz", "access-log-0208.gz");
        oracle.SampleLines.Should().HaveCount(SampleAnswers.Lines);
        foreach (string file in oracle.Files)
        {
            oracle.LinesByFile[file].Should().Equal(oracle.SampleLines, $"{file} decompresses to data/access-log");
        }

        oracle.Requests.Should().HaveCount(FileCount * SampleAnswers.Lines);
    }

    [Fact]
    public void The_oracle_agrees_with_awk_on_the_sample()
    {
        IReadOnlyList<TutorialOracle.Request> r = oracle.SampleRequests;

        r.Sum(x => x.Bytes).Should().Be(SampleAnswers.TotalBytes);
        r.Where(x => x.Status == 404).Select(x => x.Path).Distinct().Count().Should().Be(SampleAnswers.NotFoundDocuments);
        r.Count(x => x.Bytes > 1_000_000).Should().Be(SampleAnswers.OverOneMillionBytes);
        r.MaxBy(x => x.Bytes)!.Path.Should().Be(SampleAnswers.LargestPath);
        r.Max(x => x.Bytes).Should().Be(SampleAnswers.LargestBytes);
        r.Select(x => x.Host).Distinct().Count().Should().Be(SampleAnswers.UniqueHosts);
        r.Where(x => x.Path == "/robots.txt").Select(x => x.Host).Distinct().Count().Should().Be(SampleAnswers.RobotsHosts);
        r.Count(x => x.Path == "/ply/ply-2.3.tar.gz").Should().Be(SampleAnswers.PlyDownloads);
        OracleTop5(r).Should().Equal(SampleAnswers.Top5);
    }

    private static (string Path, int Count)[] OracleTop5(IEnumerable<TutorialOracle.Request> requests)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (TutorialOracle.Request r in requests)
        {
            counts[r.Path] = counts.GetValueOrDefault(r.Path) + 1;
        }

        return [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(5).Select(kv => (kv.Key, kv.Value))];
    }

    // ---- The tutorial's questions over data/www/**/access-log* ----

    [Fact]
    public void The_glob_finds_the_six_files()
    {
        LogPipeline.Find(Glob).Select(Path.GetFullPath).Should().BeEquivalentTo(oracle.Files.Select(Path.GetFullPath));
    }

    [Fact]
    public void Every_line_of_every_file_is_a_record()
    {
        var report = new ParseReport();

        long count = LogPipeline.Find(Glob).Open().Cat().Parse(report: report).LongCount();

        count.Should().Be(oracle.Requests.Count).And.Be(FileCount * SampleAnswers.Lines);
        report.Malformed.Should().Be(0);
    }

    [Fact]
    public void Total_bytes_transferred()
    {
        long total = Www().Sum(r => r.Bytes);

        total.Should().Be(oracle.Requests.Sum(r => r.Bytes));
        total.Should().Be(FileCount * SampleAnswers.TotalBytes);
    }

    [Fact]
    public void Documents_that_returned_404()
    {
        HashSet<string> notFound = [.. Www().Where(r => r.Status == 404).Select(r => r.Path)];

        notFound.Should().BeEquivalentTo(oracle.Requests.Where(r => r.Status == 404).Select(r => r.Path).Distinct());
        notFound.Should().HaveCount(SampleAnswers.NotFoundDocuments);
        notFound.Should().Contain(["/favicon.ico", "/PLYTalk.pdf", "/Doc/index.html"]);
    }

    [Fact]
    public void Requests_over_a_million_bytes()
    {
        int big = Www().Count(r => r.Bytes > 1_000_000);

        big.Should().Be(oracle.Requests.Count(r => r.Bytes > 1_000_000));
        big.Should().Be(FileCount * SampleAnswers.OverOneMillionBytes);
    }

    [Fact]
    public void The_largest_document()
    {
        LogRecord? largest = Www().MaxBy(r => r.Bytes);
        TutorialOracle.Request expected = oracle.Requests.MaxBy(r => r.Bytes)!;

        largest.Should().NotBeNull();
        (largest!.Path, largest.Bytes).Should().Be((expected.Path, expected.Bytes));
        (largest.Path, largest.Bytes).Should().Be((SampleAnswers.LargestPath, SampleAnswers.LargestBytes));
    }

    [Fact]
    public void Unique_hosts()
    {
        int hosts = Www().Select(r => r.Host).Distinct().Count();

        hosts.Should().Be(oracle.Requests.Select(r => r.Host).Distinct().Count());
        hosts.Should().Be(SampleAnswers.UniqueHosts);
    }

    [Fact]
    public void Hosts_that_fetched_robots_txt()
    {
        HashSet<string> robots = [.. Www().Where(r => r.Path == "/robots.txt").Select(r => r.Host)];

        robots.Should().BeEquivalentTo(oracle.Requests.Where(r => r.Path == "/robots.txt").Select(r => r.Host).Distinct());
        robots.Should().HaveCount(SampleAnswers.RobotsHosts);
    }

    [Fact]
    public void Downloads_of_ply_2_3()
    {
        int downloads = Www().Count(r => r.Path == "/ply/ply-2.3.tar.gz");

        downloads.Should().Be(oracle.Requests.Count(r => r.Path == "/ply/ply-2.3.tar.gz"));
        downloads.Should().Be(FileCount * SampleAnswers.PlyDownloads);
    }

    [Fact]
    public void The_most_downloaded_files()
    {
        (string Path, int Count)[] top = [.. Www()
            .GroupBy(r => r.Path)
            .Select(g => (Path: g.Key, Count: g.Count()))
            .OrderByDescending(x => x.Count)
            .ThenBy(x => x.Path, StringComparer.Ordinal)
            .Take(5)];

        top.Should().Equal(OracleTop5(oracle.Requests));
        top.Should().Equal(SampleAnswers.Top5.Select(x => (x.Path, FileCount * x.Count)));
    }

    // ---- The same questions over the plain data/access-log, against the awk numbers ----

    [Fact]
    public void The_sample_log_answers_match_awk()
    {
        SampleLog().Count().Should().Be(SampleAnswers.Lines);
        SampleLog().Sum(r => r.Bytes).Should().Be(SampleAnswers.TotalBytes);
        SampleLog().Where(r => r.Status == 404).Select(r => r.Path).Distinct().Count().Should().Be(SampleAnswers.NotFoundDocuments);
        SampleLog().Count(r => r.Bytes > 1_000_000).Should().Be(SampleAnswers.OverOneMillionBytes);
        LogRecord largest = SampleLog().MaxBy(r => r.Bytes)!;
        (largest.Path, largest.Bytes).Should().Be((SampleAnswers.LargestPath, SampleAnswers.LargestBytes));
        SampleLog().Select(r => r.Host).Distinct().Count().Should().Be(SampleAnswers.UniqueHosts);
        SampleLog().Where(r => r.Path == "/robots.txt").Select(r => r.Host).Distinct().Count().Should().Be(SampleAnswers.RobotsHosts);
        SampleLog().Count(r => r.Path == "/ply/ply-2.3.tar.gz").Should().Be(SampleAnswers.PlyDownloads);
        SampleLog().GroupBy(r => r.Path).OrderByDescending(g => g.Count()).Take(5).Select(g => (g.Key, g.Count()))
            .Should().Equal(SampleAnswers.Top5);
    }

    [Fact]
    public void The_plain_files_under_www_answer_like_the_oracle()
    {
        // Literal paths need neither globbing nor decompression.
        string[] plain = [.. oracle.Files.Where(f => Path.GetFileName(f) == "access-log")];
        plain.Should().HaveCount(2);

        List<LogRecord> records = [.. LogPipeline.Find(plain).Open().Cat().Parse()];

        records.Should().HaveCount(2 * SampleAnswers.Lines);
        records.Sum(r => r.Bytes).Should().Be(2 * SampleAnswers.TotalBytes);
        records.Select(r => r.Host).Distinct().Count().Should().Be(SampleAnswers.UniqueHosts);
        records.Select(r => (r.Host, r.Method, r.Path, r.Status, r.Bytes)).Should().Equal(
            plain.SelectMany(f => oracle.RequestsByFile[f]).Select(q => (q.Host, q.Method, q.Path, q.Status, q.Bytes)));
    }
}

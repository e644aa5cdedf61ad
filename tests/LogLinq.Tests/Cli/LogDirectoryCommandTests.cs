using System.IO.Compression;
using System.Text;

namespace LogLinq.Tests.Cli;

/// <summary>
/// The command over a log directory as a server and logrotate leave it (<c>/var/log/nginx/*</c>): the
/// live log, its rotated copies, plain and compressed, and the server's error log and its copies beside
/// them. The answers, checked against numbers counted here, are the access logs'; what is not one is
/// named once on stderr.
/// </summary>
public sealed class LogDirectoryCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public LogDirectoryCommandTests()
    {
        Directory.CreateDirectory(_temp.File("nginx"));
        _temp.Write("nginx/access.log", Access(0, 10));
        _temp.Write("nginx/access.log.1", Access(10, 20));
        _temp.Write("nginx/access.log.2.gz", Gzip(Access(20, 30)));
        _temp.Write("nginx/error.log", Errors(500));
        _temp.Write("nginx/error.log.1", Errors(200));
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Lines <paramref name="from"/> to <paramref name="to"/> (exclusive), line i sending i bytes.</summary>
    private static string Access(int from, int to) => string.Concat(Enumerable.Range(from, to - from).Select(i =>
        $"10.0.0.{i} - - [28/Oct/2023:10:00:{i % 60:00} +0000] \"GET /p{i} HTTP/1.1\" 200 {i} \"-\" \"ua\"\n"));

    private static string Errors(int count) => string.Concat(Enumerable.Range(0, count).Select(i =>
        $"2023/10/28 10:00:{i % 60:00} [error] 812#812: *{i} open() \"/usr/share/nginx/html/favicon.ico\" failed (2: No such file or directory), client: 10.0.0.1, server: localhost, request: \"GET /favicon.ico HTTP/1.1\", host: \"x\"\n"));

    private static byte[] Gzip(string text)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return compressed.ToArray();
    }

    [Fact]
    public async Task The_report_of_a_directory_with_an_error_log_names_it_once_and_counts_the_access_logs()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", "--format", "json", "nginx/*"], _temp.Path);

        run.ExitCode.Should().Be(0, run.ToString());
        ReportJson report = ReportJson.Parse(run.Stdout);
        report.Records.Should().Be(30);
        report.Malformed.Should().Be(0);
        report.TotalBytes.Should().Be(Enumerable.Range(0, 30).Sum());
        run.StderrLines.Should().Equal(
            "loglinq: skipped nginx/error.log.1: an nginx error log, not an access log",
            "loglinq: skipped nginx/error.log: an nginx error log, not an access log");
    }

    [Fact]
    public async Task A_query_over_the_directory_reads_the_access_logs_oldest_first()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", "from \"nginx/*\" | summarize count(), sum(bytes) by file"], _temp.Path);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.ReplaceLineEndings("\n").Should().Be(
            "file,count,sum_bytes\nnginx/access.log.2.gz,10,245\nnginx/access.log.1,10,145\nnginx/access.log,10,45\n");
        run.StderrLines.Should().HaveCount(2);
    }

    /// <summary>
    /// Puts a copy cut short (a <c>.gz</c> logrotate is still writing) in the directory; returns how many
    /// whole lines it holds, as .NET's own <see cref="GZipStream"/> decodes it (it ends quietly where the data does).
    /// </summary>
    private long WriteCutCopy()
    {
        byte[] whole = Gzip(Access(100, 3100));
        string cut = _temp.Write("nginx/access.log.3.gz", whole[..(whole.Length / 2)]);
        using var gzip = new GZipStream(File.OpenRead(cut), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray().Count((byte)'\n');
    }

    [Fact]
    public async Task A_copy_cut_short_is_named_after_the_answer_which_keeps_the_other_files_and_the_run_exits_1()
    {
        long cutLines = WriteCutCopy();
        long cutBytes = Enumerable.Range(100, (int)cutLines).Sum();

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", "--format", "json", "nginx/access*"], _temp.Path);

        run.ExitCode.Should().Be(1, run.ToString());
        ReportJson report = ReportJson.Parse(run.Stdout);
        report.Records.Should().Be(30 + cutLines);
        report.TotalBytes.Should().Be(Enumerable.Range(0, 30).Sum() + cutBytes);
        run.StderrLines.Should().ContainSingle().Which.Should().MatchRegex(
            @"^loglinq: nginx/access\.log\.3\.gz: corrupt or truncated gzip data after \d+ bytes \(read up to there\)$");

        LoglinqProcess.Result query = await LoglinqProcess.RunAsync(["query", "from \"nginx/access*\" | summarize count() by file"], _temp.Path);

        query.ExitCode.Should().Be(1, query.ToString());
        query.Stdout.ReplaceLineEndings("\n").Should().Be(
            $"file,count\nnginx/access.log.3.gz,{cutLines}\nnginx/access.log.2.gz,10\nnginx/access.log.1,10\nnginx/access.log,10\n");
        query.StderrLines.Should().ContainSingle().Which.Should().Contain("nginx/access.log.3.gz: corrupt or truncated gzip data");

        LoglinqProcess.Result rows = await LoglinqProcess.RunAsync(["query", "from \"nginx/access*\" | select file, line"], _temp.Path);

        rows.ExitCode.Should().Be(1, rows.ToString());
        rows.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1 + 30 + (int)cutLines);
    }

    [Fact]
    public async Task Strict_stops_at_a_copy_cut_short()
    {
        WriteCutCopy();

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", "from \"nginx/access*\" | count", "--strict"], _temp.Path);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().ContainSingle().Which.Should().Contain("nginx/access.log.3.gz: corrupt or truncated gzip data");
    }

    [Fact]
    public async Task Strict_stops_at_the_error_log()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", "from \"nginx/error.log\" | count", "--strict"], _temp.Path);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stderr.Should().Contain("nginx/error.log:1: an nginx error log, not an access log");
        run.Stderr.Should().NotContain("   at ");
    }
}

using System.Text;
using LogLinq.Formats;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Query;

/// <summary>
/// A web server's error log beside its access logs, as <c>/var/log/nginx/*</c> or
/// <c>/var/log/apache2/*</c> finds it: the file is passed over and named once in the report, not read
/// as thousands of malformed lines, and the access logs' answers are those without it.
/// </summary>
public sealed class ErrorLogFileTests : IDisposable
{
    private const string Nginx = "2023/10/28 10:00:{0:00} [error] 812#812: *{0} open() \"/usr/share/nginx/html/favicon.ico\" failed (2: No such file or directory), client: 10.0.0.1, server: localhost, request: \"GET /favicon.ico HTTP/1.1\", host: \"x\"";
    private const string Apache = "[Sat Oct 28 10:00:{0:00}.123456 2023] [core:error] [pid 812:tid 140] [client 10.0.0.1:5{0}] AH00126: Invalid URI in request GET /x HTTP/1.1";
    private const string Access = "10.0.0.{0} - - [28/Oct/2023:10:00:{0:00} +0000] \"GET /p{0} HTTP/1.1\" 200 {0} \"-\" \"ua\"";

    private readonly TempDirectory _temp = new();

    public ErrorLogFileTests()
    {
        _temp.Write("access.log", Lines(Access, 1, 40));
        _temp.Write("error.log", Lines(Nginx, 1, 300));
        _temp.Write("apache-error.log", Lines(Apache, 1, 300));
    }

    public void Dispose() => _temp.Dispose();

    private static string Lines(string shape, int from, int to) =>
        string.Concat(Enumerable.Range(from, to - from + 1).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, i % 60) + "\n"));

    [Fact]
    public void An_error_log_is_named_once_and_not_counted_as_malformed_lines()
    {
        var report = new ParseReport();
        var options = new LogSourceOptions { Report = report };

        LogSource.Open(_temp.File("*"), options).Sum(r => r.Bytes).Should().Be(Enumerable.Range(1, 40).Sum());
        LogSource.Open(_temp.File("*"), options).Select(r => r.Path).ToList().Should().HaveCount(40);

        report.Malformed.Should().Be(0);
        report.OtherLogs.Should().Equal(
        [
            new SkippedFile(_temp.File("apache-error.log"), "an Apache error log, not an access log"),
            new SkippedFile(_temp.File("error.log"), "an nginx error log, not an access log"),
        ]);
    }

    [Fact]
    public void A_big_error_log_is_not_cut_into_ranges_whose_later_parts_would_read_it_as_access_lines()
    {
        string big = _temp.Write("big-error.log", Lines(Nginx, 1, 20_000));
        var report = new ParseReport();
        var split = new LogSourceOptions { Report = report, MaxDegreeOfParallelism = 2, MinPartSize = 64 * 1024 };

        LogSource.Open([big, _temp.File("access.log")], split).Count().Should().Be(40);

        report.Malformed.Should().Be(0);
        report.OtherLogs.Should().Equal(new SkippedFile(big, "an nginx error log, not an access log"));
    }

    [Fact]
    public void Strict_mode_stops_at_an_error_logs_first_line()
    {
        var strict = new LogSourceOptions { Strict = true };

        var count = () => LogSource.Open(_temp.File("error.log"), strict).Count();

        count.Should().Throw<MalformedLogException>()
            .Which.Line.Should().Be(new MalformedLine(_temp.File("error.log"), 1, "an nginx error log, not an access log"));
    }

    [Fact]
    public void A_containers_output_that_starts_with_nginx_notices_is_still_its_access_log()
    {
        // The official image writes both logs to its output: start-up notices, then the requests.
        string mixed = _temp.Write("container.log",
            "2023/10/28 10:00:00 [notice] 1#1: using the \"epoll\" event method\n2023/10/28 10:00:00 [notice] 1#1: start worker processes\n"
            + Lines(Access, 1, 5));
        var report = new ParseReport();

        LogSource.Open(mixed, new LogSourceOptions { Report = report }).Count().Should().Be(5);

        report.Malformed.Should().Be(2);
        report.OtherLogs.Should().BeEmpty();
    }

    [Fact]
    public void A_named_format_reads_the_file_as_it_says()
    {
        var report = new ParseReport();

        LogSource.Open(_temp.File("error.log"), new LogSourceOptions { Report = report, Format = LogFormat.Combined }).Count().Should().Be(0);

        report.Malformed.Should().Be(300);
        report.OtherLogs.Should().BeEmpty();
    }

    [Theory]
    [InlineData("2023/10/28 10:00:00 [error] 812#812: *1 open() failed", "an nginx error log")]
    [InlineData("2023/10/28 10:00:00 [emerg] 1#1: bind() to 0.0.0.0:80 failed", "an nginx error log")]
    [InlineData("[Sat Oct 28 10:00:00.123456 2023] [core:error] [pid 812] AH00126: x", "an Apache error log")]
    [InlineData("[Sat Oct  8 10:00:00 2023] [error] [client 10.0.0.1] File does not exist: /var/www/x", "an Apache error log")]
    [InlineData("10.0.0.1 - - [28/Oct/2023:10:00:00 +0000] \"GET / HTTP/1.1\" 200 1", null)]
    [InlineData("2023/10/28 10:00:00 a line of something else", null)]
    [InlineData("[Sat Oct 28 10:00:00 2023] nothing bracketed after it", null)]
    [InlineData("", null)]
    public void Recognises_the_error_logs_of_nginx_and_apache(string line, string? kind)
    {
        ErrorLogLine.Kind(Encoding.UTF8.GetBytes(line)).Should().Be(kind);
    }
}

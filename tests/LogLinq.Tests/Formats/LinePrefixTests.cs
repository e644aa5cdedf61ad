using System.Text;
using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// Access logs as collectors keep them: each line behind a syslog header (rsyslog, journald, a server
/// logging to syslog, RFC 5424), a container runtime's (Kubernetes' CRI files), or what a tool that
/// saves containers' output writes (a time, a service's name). The prefix is found on the file's
/// first line and skipped on every line; the answers are those of the same lines without it.
/// </summary>
public sealed class LinePrefixTests : IDisposable
{
    private const string Ncsa = "192.0.2.1 - - [06/Nov/2026:12:00:01 +0000] \"GET / HTTP/1.1\" 200 612 \"-\" \"curl/8.0\"";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("Nov 26 12:00:01 web1 nginx: ", "Syslog")]
    [InlineData("Nov  6 12:00:01 web1 nginx[812]: ", "Syslog")]
    [InlineData("<190>Nov  6 12:00:01 web1 nginx: ", "Syslog")]
    [InlineData("2026-11-06T12:00:01.123456+00:00 web1 nginx: ", "Syslog")]
    [InlineData("2026-11-06T12:00:01+0000 web1 apache2[77]: ", "Syslog")]
    [InlineData("2026-11-26T12:00:01.123456789Z stdout F ", "Container")]
    [InlineData("2026-11-26T12:00:01.123456789+01:00 stderr P ", "Container")]
    [InlineData("<190>1 2026-11-06T12:00:01.123Z web1 nginx - - - ", "Syslog")]
    [InlineData("<190>1 - web1 nginx 812 access - \uFEFF", "Syslog")]
    [InlineData("<190>1 2026-11-06T12:00:01Z web1 nginx 812 - [meta seq=\"1\" note=\"a ] \\\" b\"][x@1 y=\"z\"] ", "Syslog")]
    [InlineData("2026-11-26T12:00:01.123456789Z ", "Timestamp")]
    [InlineData("web-1  | ", "Service")]
    [InlineData("web_1 | 2026-11-26T12:00:01.123456789Z ", "Service")]
    [InlineData("[pod/web-7d9c8-abcde/nginx] ", "Service")]
    [InlineData("[pod/web-7d9c8-abcde/nginx] 2026-11-26T12:00:01.123456789Z ", "Service")]
    public void Finds_the_prefix_and_its_length(string prefix, string kindName)
    {
        LinePrefix kind = Enum.Parse<LinePrefix>(kindName);
        byte[] line = Encoding.UTF8.GetBytes(prefix + Ncsa);

        LinePrefixReader.Detect(line).Should().Be(kind);
        LinePrefixReader.Length(line, kind).Should().Be(Encoding.UTF8.GetByteCount(prefix));
    }

    [Theory]
    [InlineData(Ncsa)]
    [InlineData("example.com:80 203.0.113.9 - - [25/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 512")]
    [InlineData("Nov - - [06/Nov/2026:12:00:01 +0000] \"GET / HTTP/1.1\" 200 612")]
    [InlineData("2026-11-26T12:00:01Z stdin F " + Ncsa)]
    [InlineData("Nov 26 12:00:01 web1 nginx " + Ncsa)]
    [InlineData("<190 Nov 26 12:00:01 web1 nginx: " + Ncsa)]
    [InlineData("<190>2 2026-11-06T12:00:01Z web1 nginx - - - " + Ncsa)]
    [InlineData("web-1| " + Ncsa)]
    [InlineData("[pod/web 1/nginx] " + Ncsa)]
    [InlineData("2026-11-26T12:00:01.123456789Z not a server's line")]
    [InlineData("2026-11-26T12:00:01.123456Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.000073 0.001048 0.000057 200 200 0 29 \"GET http://www.example.com:80/ HTTP/1.1\" \"curl/7.38.0\" - -")]
    public void An_ncsa_line_or_a_near_miss_has_none(string line)
    {
        LinePrefixReader.Detect(Encoding.ASCII.GetBytes(line)).Should().Be(LinePrefix.None);
    }

    [Fact]
    public void A_line_without_the_files_prefix_is_read_as_it_stands()
    {
        LinePrefixReader.Length(Encoding.ASCII.GetBytes(Ncsa), LinePrefix.Syslog).Should().Be(0);
        LinePrefixReader.Length(Encoding.ASCII.GetBytes(Ncsa), LinePrefix.Container).Should().Be(0);
        LinePrefixReader.Length(Encoding.ASCII.GetBytes(Ncsa), LinePrefix.Timestamp).Should().Be(0);
        LinePrefixReader.Length(Encoding.ASCII.GetBytes(Ncsa), LinePrefix.Service).Should().Be(0);
    }

    [Theory]
    [InlineData("Nov 26 12:00:01 web1 nginx: ")]
    [InlineData("2026-11-26T12:00:01.123456789Z stdout F ")]
    [InlineData("<190>1 2026-11-26T12:00:01.123Z web1 nginx 812 - - ")]
    [InlineData("2026-11-26T12:00:01.123456789Z ")]
    [InlineData("web-1  | ")]
    [InlineData("[pod/web-7d9c8-abcde/nginx] 2026-11-26T12:00:01.123456789Z ")]
    public void The_sample_log_behind_a_prefix_gives_the_sample_logs_answers(string prefix)
    {
        string plain = Path.Combine(TestPaths.Data, "access-log");
        string prefixed = _dir.Write("prefixed.log", string.Concat(File.ReadLines(plain).Select(line => prefix + line + "\n")));

        // Small parts, so that parts starting mid-file find the prefix on their own first line.
        var options = new LogSourceOptions { MaxDegreeOfParallelism = 2, MinPartSize = 64 * 1024 };
        IQueryable<LogRecord> logs = LogSource.Open(prefixed, options);
        List<LogRecord> expected = new[] { plain }.Open().Cat().Parse(LogFormat.Common).ToList();

        // awk '{ s += $NF } END { print s }' data/access-log; awk '$9 == 404' data/access-log | wc -l
        logs.Sum(r => r.Bytes).Should().Be(230741830);
        logs.Count(r => r.Status == 404).Should().Be(2053);
        logs.GroupBy(r => r.Host).Select(g => new { g.Key, N = g.Count() }).ToList()
            .Should().Equal(expected.GroupBy(r => r.Host).Select(g => new { g.Key, N = g.Count() }));
        logs.Where(r => r.Path == "/robots.txt").Select(r => r.LineNumber).ToList()
            .Should().Equal(expected.Where(r => r.Path == "/robots.txt").Select(r => r.LineNumber));
    }

    [Fact]
    public void Records_read_line_by_line_lose_the_prefix_and_other_lines_are_malformed()
    {
        string path = _dir.WriteLines(
            "syslog",
            "<190>Nov  6 12:00:01 web1 nginx: " + Ncsa,
            "Nov  6 12:00:01 web1 systemd[1]: Started Daily apt download activities.",
            "2026-11-06T12:00:02.123456+00:00 web1 nginx[812]: 192.0.2.2 - - [06/Nov/2026:12:00:02 +0000] \"GET /x HTTP/1.1\" 404 153 \"-\" \"curl/8.0\"",
            "192.0.2.3 - - [06/Nov/2026:12:00:03 +0000] \"GET /y HTTP/1.1\" 200 7 \"-\" \"curl/8.0\"");
        var report = new ParseReport();

        List<LogRecord> records = [.. new[] { path }.Open().Cat().Parse(LogFormat.Auto, report)];

        records.Select(r => (r.LineNumber, r.Host, r.Path, r.Status, r.Bytes)).Should().Equal(
            (1L, "192.0.2.1", "/", 200, 612L),
            (3L, "192.0.2.2", "/x", 404, 153L),
            (4L, "192.0.2.3", "/y", 200, 7L));
        records[0].Time.Should().Be(new DateTimeOffset(2026, 11, 6, 12, 0, 1, TimeSpan.Zero));
        report.Malformed.Should().Be(1);
        report.Samples.Single().LineNumber.Should().Be(2);
    }

    [Fact]
    public void A_service_among_others_in_compose_logs_is_read_and_the_others_lines_are_malformed()
    {
        string path = _dir.WriteLines(
            "compose.log",
            "web-1  | 2026-11-06T12:00:01.000000001Z " + Ncsa,
            "db-1   | 2026-11-06T12:00:01.500000000Z LOG:  database system is ready to accept connections",
            "web-1  | 2026-11-06T12:00:02.000000001Z 192.0.2.2 - - [06/Nov/2026:12:00:02 +0000] \"GET /x HTTP/1.1\" 404 153 \"-\" \"curl/8.0\"");
        var report = new ParseReport();

        var rows = LogSource.Open(path, new LogSourceOptions { Report = report })
            .Select(r => new { r.LineNumber, r.Host, r.Path, r.Status, r.Bytes })
            .ToList();

        rows.Should().Equal(
            new { LineNumber = 1L, Host = "192.0.2.1", Path = "/", Status = 200, Bytes = 612L },
            new { LineNumber = 3L, Host = "192.0.2.2", Path = "/x", Status = 404, Bytes = 153L });
        report.Malformed.Should().Be(1);
        report.Samples.Single().LineNumber.Should().Be(2);
    }
}

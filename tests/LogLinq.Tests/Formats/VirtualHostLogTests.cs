using LogLinq.Formats;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// Apache's <c>vhost_combined</c> (Debian's <c>other_vhosts_access.log</c>): <c>%v:%p</c> before the
/// Combined fields, read by the NCSA parser beside Common and Combined lines, from real files.
/// Expected values are written out by hand from the lines.
/// </summary>
public sealed class VirtualHostLogTests : IDisposable
{
    // Lines 1-3 and 5 are vhost_combined, 4 plain Combined, 6 malformed (no [time] after the user).
    private const string Mixed =
        "example.com:80 203.0.113.9 - - [25/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"\n"
        + "www.example.org:443 2001:db8::1 - - [25/Nov/2026:10:00:01 +0000] \"GET /a HTTP/2.0\" 404 0 \"https://x/\" \"Mozilla/5.0\"\n"
        + "example.com:80 198.51.100.4 - bob [25/Nov/2026:10:00:02 +0000] \"POST /login HTTP/1.1\" 302 - \"-\" \"curl/8.0\"\n"
        + "198.51.100.7 - - [25/Nov/2026:10:00:03 +0000] \"GET /plain HTTP/1.1\" 200 100 \"-\" \"Wget/1.21\"\n"
        + "example.com:80 203.0.113.9 - - [25/Nov/2026:10:00:04 +0000] \"GET /b HTTP/1.1\" 304 0 \"-\" \"curl/8.0\"\n"
        + "www.example.org:443 192.0.2.1 - - 25/Nov/2026 \"GET\" 200 1\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reads_the_two_example_lines_field_by_field()
    {
        string path = _dir.Write(
            "other_vhosts_access.log",
            "example.com:80 203.0.113.9 - - [25/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"\n"
            + "www.example.org:443 2001:db8::1 - - [25/Nov/2026:10:00:01 +0000] \"GET /a HTTP/2.0\" 404 0 \"https://x/\" \"Mozilla/5.0\"\n");
        var report = new ParseReport();

        List<LogRecord> records = [.. LogSource.Open(path, new LogSourceOptions { Report = report })];

        report.Malformed.Should().Be(0);
        records.Should().HaveCount(2);
        LogRecord first = records[0];
        first.VirtualHost.Should().Be("example.com:80");
        first.Host.Should().Be("203.0.113.9");
        first.Ident.Should().Be("-");
        first.User.Should().Be("-");
        first.Time.Should().Be(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        first.Method.Should().Be("GET");
        first.Path.Should().Be("/");
        first.Protocol.Should().Be("HTTP/1.1");
        first.Status.Should().Be(200);
        first.Bytes.Should().Be(512);
        first.Referrer.Should().Be("-");
        first.UserAgent.Should().Be("curl/8.0");
        first.LineNumber.Should().Be(1);

        LogRecord second = records[1];
        second.VirtualHost.Should().Be("www.example.org:443");
        second.Host.Should().Be("2001:db8::1");
        second.Time.Should().Be(new DateTimeOffset(2026, 11, 25, 10, 0, 1, TimeSpan.Zero));
        second.Method.Should().Be("GET");
        second.Path.Should().Be("/a");
        second.Protocol.Should().Be("HTTP/2.0");
        second.Status.Should().Be(404);
        second.Bytes.Should().Be(0);
        second.Referrer.Should().Be("https://x/");
        second.UserAgent.Should().Be("Mozilla/5.0");
        second.LineNumber.Should().Be(2);

        first.ToString().Should().Be("example.com:80 203.0.113.9 - - [25/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"");
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("common")]
    [InlineData("combined")]
    public void A_mixed_file_reads_both_shapes_and_names_the_malformed_line(string format)
    {
        string path = _dir.Write("mixed.log", Mixed);
        var report = new ParseReport();

        List<LogRecord> records = [.. LogSource.Open(path, new LogSourceOptions { Format = LogFormat.FromName(format), Report = report })];

        records.Select(r => (r.LineNumber, r.VirtualHost, r.Host, r.User, r.Path)).Should().Equal(
            (1L, "example.com:80", "203.0.113.9", "-", "/"),
            (2L, "www.example.org:443", "2001:db8::1", "-", "/a"),
            (3L, "example.com:80", "198.51.100.4", "bob", "/login"),
            (4L, null, "198.51.100.7", "-", "/plain"),
            (5L, "example.com:80", "203.0.113.9", "-", "/b"));
        report.Malformed.Should().Be(1);
        report.Samples.Should().Equal(new MalformedLine(path, 6, "expected '[' to open the time"));
    }

    [Fact]
    public void Combined_still_wants_the_referrer_and_agent_after_a_virtual_host()
    {
        string path = _dir.Write("short.log", "example.com:80 203.0.113.9 - - [25/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 512\n");
        var report = new ParseReport();

        List<LogRecord> common = [.. LogSource.Open(path, new LogSourceOptions { Format = LogFormat.Common })];
        List<LogRecord> combined = [.. LogSource.Open(path, new LogSourceOptions { Format = LogFormat.Combined, Report = report })];

        common.Should().ContainSingle().Which.VirtualHost.Should().Be("example.com:80");
        combined.Should().BeEmpty();
        report.Samples.Should().Equal(new MalformedLine(path, 1, "expected quoted referrer and user agent after the bytes (combined format)"));
    }

    [Fact]
    public void A_strict_read_stops_at_the_malformed_line_with_its_file_and_line()
    {
        string path = _dir.Write("mixed.log", Mixed);

        Action read = () => LogSource.Open(path, new LogSourceOptions { Strict = true }).ToList();

        read.Should().Throw<MalformedLogException>().Which.Message.Should().Contain($"{path}:6").And.Contain("expected '[' to open the time");
    }

    [Fact]
    public void A_vhost_predicate_is_pushed_down_and_answers_as_linq_to_objects()
    {
        string path = _dir.Write("mixed.log", Mixed);
        IQueryable<LogRecord> source = LogSource.Open(path);
        List<LogRecord> all = [.. source];

        IQueryable<LogRecord> pushed = source.Where(r => r.VirtualHost == "example.com:80");

        pushed.Explain().Should().Contain("vhost == \"example.com:80\"");
        List<long> expected = [.. all.Where(r => r.VirtualHost == "example.com:80").Select(r => r.LineNumber)];
        expected.Should().Equal(1, 3, 5);
        pushed.Select(r => r.LineNumber).ToList().Should().Equal(expected);
        source.Count(r => r.VirtualHost != "example.com:80").Should().Be(all.Count(r => r.VirtualHost != "example.com:80")).And.Be(2);
        source.Count(r => r.VirtualHost == null).Should().Be(1);
        source.Count(r => r.VirtualHost!.StartsWith("www.")).Should().Be(1);
    }

    [Fact]
    public void Grouping_and_distinct_on_vhost_read_the_raw_bytes_across_a_split_scan()
    {
        // Enough lines for the file to be cut into parts and for block scans: line i (from 0) has
        // vhost a.example:80 when i % 3 == 0, b.example:443 when i % 3 == 1, and none when i % 3 == 2.
        const int Lines = 30_000;
        using var writer = new StringWriter();
        for (int i = 0; i < Lines; i++)
        {
            string vhost = (i % 3) switch { 0 => "a.example:80 ", 1 => "b.example:443 ", _ => "" };
            writer.Write($"{vhost}10.0.{i % 256}.{i % 7} - - [25/Nov/2026:10:{i / 600 % 60:00}:{i / 10 % 60:00} +0000] \"GET /p{i % 11} HTTP/1.1\" 200 {i} \"-\" \"agent {i % 5}\"\n");
        }

        string path = _dir.Write("many.log", writer.ToString());
        var options = new LogSourceOptions { MinPartSize = 64 * 1024, MaxDegreeOfParallelism = 4 };
        IQueryable<LogRecord> source = LogSource.Open(path, options);

        var groups = source.GroupBy(r => r.VirtualHost).Select(g => new { g.Key, Count = g.Count() }).ToList();
        List<string?> distinct = [.. source.Select(r => r.VirtualHost).Distinct()];

        groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count)).Should().Equal(
            (null, 10_000), ("a.example:80", 10_000), ("b.example:443", 10_000));
        distinct.Order(StringComparer.Ordinal).Should().Equal(null, "a.example:80", "b.example:443");
        source.Count(r => r.VirtualHost == "b.example:443" && r.Host == "10.0.1.1").Should().Be(Enumerable.Range(0, Lines).Count(i => i % 3 == 1 && i % 256 == 1 && i % 7 == 1));
    }
}

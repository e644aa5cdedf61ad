using System.Text;
using LogLinq.Formats;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// <see cref="LogFormat.Apache"/>: lines in the shapes Apache writes for the formats of its
/// documentation and of distributions' configurations, each value written out by hand from the line.
/// </summary>
public sealed class ApacheLogFormatTests
{
    private const string CombinedWithMicroseconds = "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\" %D";

    // Debian's vhost_combined, which logs the bytes sent with headers (mod_logio's %O).
    private const string VhostCombined = "%v:%p %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"";

    [Fact]
    public void Reads_combined_with_the_microseconds_it_took()
    {
        LogRecord record = ParseOne(
            CombinedWithMicroseconds,
            "203.0.113.9 - frank [10/Oct/2026:13:55:36 -0700] \"GET /apache_pb.gif?x=1 HTTP/1.0\" 200 2326 \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\" 1534");

        (record.Host, record.Ident, record.User).Should().Be(("203.0.113.9", "-", "frank"));
        record.Time.Should().Be(new DateTimeOffset(2026, 10, 10, 13, 55, 36, TimeSpan.FromHours(-7)));
        (record.Method, record.Path, record.Protocol).Should().Be(("GET", "/apache_pb.gif?x=1", "HTTP/1.0"));
        (record.Status, record.Bytes).Should().Be((200, 2326L));
        record.Referrer.Should().Be("http://www.example.com/start.html");
        record.UserAgent.Should().Be("Mozilla/4.08 [en] (Win98; I ;Nav)");
        record.VirtualHost.Should().BeNull();

        // 1534 µs.
        record.Duration.Should().Be(TimeSpan.FromTicks(15_340));
    }

    [Fact]
    public void Keeps_a_quote_apache_escaped_inside_a_quoted_field()
    {
        LogRecord record = ParseOne(
            CombinedWithMicroseconds,
            "198.51.100.4 - - [27/Nov/2026:10:00:02 +0000] \"GET /q?x=\\\"a\\\" b HTTP/1.1\" 404 - \"-\" \"a \\\"quoted\\\" agent\" 12");

        (record.Method, record.Path, record.Protocol).Should().Be(("GET", "/q?x=\\\"a\\\" b", "HTTP/1.1"));
        (record.Status, record.Bytes, record.Referrer).Should().Be((404, 0L, "-"));
        record.UserAgent.Should().Be("a \\\"quoted\\\" agent");
        record.Duration.Should().Be(TimeSpan.FromTicks(120));
    }

    [Fact]
    public void A_request_of_dash_is_read_as_the_common_format_reads_it()
    {
        // What Apache writes for a connection closed before a request line came (408).
        LogRecord record = ParseOne(CombinedWithMicroseconds, "192.0.2.3 - - [27/Nov/2026:10:00:00 +0000] \"-\" 408 - \"-\" \"-\" 20000000");

        (record.Method, record.Path, record.Protocol).Should().Be(("", "-", ""));
        (record.Status, record.Bytes, record.Referrer, record.UserAgent).Should().Be((408, 0L, "-", "-"));
        record.Duration.Should().Be(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Reads_vhost_combined_with_the_port_in_the_virtual_host()
    {
        LogRecord record = ParseOne(
            VhostCombined,
            "www.example.org:443 192.0.2.7 - - [27/Nov/2026:08:00:00 +0100] \"GET / HTTP/2.0\" 200 1042 \"-\" \"curl/8.5.0\"");

        record.VirtualHost.Should().Be("www.example.org:443");
        (record.Host, record.Path, record.Status, record.Bytes).Should().Be(("192.0.2.7", "/", 200, 1042L));
        record.Time.Should().Be(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(1)));
        record.Duration.Should().BeNull();
    }

    [Fact]
    public void Reads_the_requests_parts_a_strftime_time_and_milliseconds()
    {
        LogRecord record = ParseOne(
            "%a %{%Y-%m-%d %H:%M:%S}t %m %U%q %H %>s %B %{ms}T %V",
            "10.1.2.3 2026-11-27 09:15:02 POST /api/items?id=7 HTTP/1.1 201 88 250 api.example.com");

        record.Host.Should().Be("10.1.2.3");
        record.Time.Should().Be(new DateTimeOffset(2026, 11, 27, 9, 15, 2, TimeSpan.Zero));
        (record.Method, record.Path, record.Protocol).Should().Be(("POST", "/api/items?id=7", "HTTP/1.1"));
        (record.Status, record.Bytes).Should().Be((201, 88L));
        record.Duration.Should().Be(TimeSpan.FromMilliseconds(250));
        record.VirtualHost.Should().Be("api.example.com");
        (record.Ident, record.User, record.Referrer, record.UserAgent).Should().Be(("-", "-", null, null));
    }

    [Fact]
    public void Reads_times_since_1970_and_whole_seconds()
    {
        // 1700000000 s is 2023-11-14 22:13:20 UTC.
        LogRecord seconds = ParseOne("%h [%{sec}t] \"%r\" %s %b %T", "192.0.2.1 [1700000000] \"GET / HTTP/1.1\" 200 5 3");
        seconds.Time.Should().Be(new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero));
        seconds.Duration.Should().Be(TimeSpan.FromSeconds(3));

        LogRecord milliseconds = ParseOne("%h %{begin:msec}t \"%r\" %s %b %{us}T", "192.0.2.1 1700000000123 \"GET / HTTP/1.1\" 200 5 1500000");
        milliseconds.Time.Should().Be(new DateTimeOffset(2023, 11, 14, 22, 13, 20, 123, TimeSpan.Zero));
        milliseconds.Duration.Should().Be(TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public void Reads_a_time_written_in_pieces_by_its_date_and_a_second_time_past_its_spaces()
    {
        // Apache's documentation's example: the fraction and the zone are pieces of their own, read past.
        LogRecord pieces = ParseOne(
            "%h [%{%d/%b/%Y %T}t.%{msec_frac}t %{%z}t] \"%r\" %>s %b",
            "192.0.2.1 [27/Nov/2026 10:15:30.123 +0100] \"GET / HTTP/1.1\" 200 5");
        pieces.Time.Should().Be(new DateTimeOffset(2026, 11, 27, 10, 15, 30, TimeSpan.Zero));

        // The first time is the record's; the second, in brackets with a space inside, is read past whole.
        LogRecord second = ParseOne(
            "%{sec}t %t %h \"%r\" %>s %b",
            "1700000000 [14/Nov/2023:23:13:20 +0100] 192.0.2.1 \"GET / HTTP/1.1\" 200 5");
        (second.Host, second.Time).Should().Be(("192.0.2.1", new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero)));
    }

    [Fact]
    public void Reads_past_the_directives_a_record_has_no_field_for()
    {
        LogRecord record = ParseOne(
            "%h %l %u %t \"%r\" %>s %b %I %O %X %k %{X-Forwarded-For}i %p %P %L %{UNIQUE_ID}e %{SESSION}C %!200,304{Referer}i",
            "192.0.2.8 - - [27/Nov/2026:10:00:00 +0000] \"GET /x HTTP/1.1\" 200 10 512 900 + 0 203.0.113.1,10.0.0.2 443 4242 ZB3fQ- Xk1 abc -");

        (record.Host, record.Path, record.Status, record.Bytes).Should().Be(("192.0.2.8", "/x", 200, 10L));
    }

    [Theory]
    [InlineData("garbage", "expected ' ' after %h, found 'garbage'")]
    [InlineData("192.0.2.8 - - 27/Nov/2026 \"GET / HTTP/1.1\" 200 1 \"-\" \"-\" 5", "%t: expected [ to open the time, found '27/Nov/2026 \"GET / HTTP/1.1\" 200 1 \"-\" \"-\" 5'")]
    [InlineData("192.0.2.8 - - [27/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 2xx 1 \"-\" \"-\" 5", "%>s: expected a status of three digits, found '2xx'")]
    [InlineData("192.0.2.8 - - [27/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\" 0.5", "%D: expected whole microseconds, found '0.5'")]
    [InlineData("192.0.2.8 - - [27/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\"", "expected '\" ' after %{User-Agent}i, found '-\"'")]
    public void A_line_not_in_the_format_is_malformed_with_a_reason(string line, string reason)
    {
        LineResult result = Parse(CombinedWithMicroseconds, line, out LogRecord? record, out string? error);

        result.Should().Be(LineResult.Malformed);
        record.Should().BeNull();
        error.Should().Be(reason);
    }

    [Theory]
    [InlineData("%h %l %u %t \"%r\" %>s %Z", "unknown directive %Z", 22)]
    [InlineData("%h %{%A %d/%m/%Y}t \"%r\"", "cannot read the time %{%A %d/%m/%Y}t: %A is not read", 4)]
    [InlineData("%h%l %t", "%l follows %h with nothing between them", 3)]
    [InlineData("%h %t %{Referer", "the { of %{Referer is not closed", 7)]
    [InlineData("%h %t %{min}T", "unknown unit in %{min}T", 7)]
    [InlineData("%h \"%r\" %>s", "the format has no time of the request", 1)]
    [InlineData("%h %t %", "% ends the format without a directive's letter", 7)]
    public void A_directive_that_cannot_be_read_is_an_argument_exception_saying_which_and_where(string format, string reason, int character)
    {
        Action create = () => LogFormat.Apache(format);

        create.Should().Throw<ArgumentException>()
            .Which.Message.Should().StartWith(reason).And.Contain($"(at character {character} of the format)");
    }

    [Fact]
    public void Reads_a_file_as_a_source()
    {
        using var dir = new TempDirectory();
        string log = dir.WriteLines(
            "access.log",
            "www.example.org:443 192.0.2.7 - - [27/Nov/2026:08:00:00 +0000] \"GET / HTTP/2.0\" 200 1042 \"-\" \"curl/8.5.0\"",
            "shop.example.com:80 192.0.2.8 - - [27/Nov/2026:08:00:01 +0000] \"GET /cart HTTP/1.1\" 302 0 \"-\" \"curl/8.5.0\"",
            "not a line of this log",
            "www.example.org:443 192.0.2.9 - - [27/Nov/2026:08:00:02 +0000] \"GET /a HTTP/2.0\" 404 120 \"-\" \"curl/8.5.0\"");
        var report = new ParseReport();

        List<LogRecord> records = [.. LogSource.Open(log, new LogSourceOptions { Format = LogFormat.Apache(VhostCombined), Report = report })];

        records.Select(r => (r.VirtualHost, r.Path, r.LineNumber)).Should().Equal(
            ("www.example.org:443", "/", 1L), ("shop.example.com:80", "/cart", 2L), ("www.example.org:443", "/a", 4L));
        report.Malformed.Should().Be(1);
        report.Samples.Should().ContainSingle().Which.LineNumber.Should().Be(3);
    }

    [Fact]
    public void Is_named_as_the_query_language_writes_it()
    {
        LogFormat.Apache("%h %t \"%r\"").Name.Should().Be("apache(\"%h %t \\\"%r\\\"\")");
    }

    private static LogRecord ParseOne(string format, string line)
    {
        LineResult result = Parse(format, line, out LogRecord? record, out string? error);
        result.Should().Be(LineResult.Record, error);
        return record!;
    }

    private static LineResult Parse(string format, string line, out LogRecord? record, out string? error) =>
        LogFormat.Apache(format).CreateParser().Parse(new LogLine("memory.log", 1, Encoding.UTF8.GetBytes(line)), out record, out error);
}

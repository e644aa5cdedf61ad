using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// Apache escapes a <c>"</c> in the request line or a header as <c>\"</c> and a backslash as
/// <c>\\</c> (mod_log_config, "Security Considerations"): such a quote does not close the field, and
/// the field keeps the text as the log wrote it, escapes and all, as a search of the raw line and the
/// planner's byte comparisons see it. Expected values are read off the lines.
/// </summary>
public sealed class EscapedQuoteTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Log() => _dir.WriteLines(
        "access.log",
        "192.0.2.1 - - [27/Nov/2026:07:00:00 +0000] \"GET /search?q=\\\"x\\\" HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0 \\\"quoted\\\" x\"",
        "192.0.2.2 - - [27/Nov/2026:07:00:01 +0000] \"GET /a\\\" b HTTP/1.1\" 404 20 \"-\" \"agent\\\\\"",
        "192.0.2.3 - - [27/Nov/2026:07:00:02 +0000] \"GET /plain HTTP/1.1\" 200 30 \"-\" \"curl/8.5.0\"");

    [Fact]
    public void An_escaped_quote_does_not_close_the_field_and_stays_as_written()
    {
        var report = new ParseReport();

        List<LogRecord> records = [.. LogSource.Open(Log(), new LogSourceOptions { Report = report })];

        report.Malformed.Should().Be(0);
        records.Select(r => (r.Method, r.Path, r.Protocol, r.Status, r.Bytes, r.UserAgent)).Should().Equal(
            ("GET", "/search?q=\\\"x\\\"", "HTTP/1.1", 200, 10L, "Mozilla/5.0 \\\"quoted\\\" x"),
            ("GET", "/a\\\" b", "HTTP/1.1", 404, 20L, "agent\\\\"),
            ("GET", "/plain", "HTTP/1.1", 200, 30L, "curl/8.5.0"));
    }

    [Fact]
    public void A_scan_compares_the_text_as_written()
    {
        string path = Log();

        LogSource.Open(path).Count(r => r.UserAgent == "Mozilla/5.0 \\\"quoted\\\" x").Should().Be(1);
        LogSource.Open(path).Where(r => r.Status == 404).Select(r => r.Path).Single().Should().Be("/a\\\" b");
        LogSource.Open(path).Sum(r => r.Bytes).Should().Be(60);
    }
}

using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// Apache's <c>%u</c> (and nginx's <c>$remote_user</c>) is the name basic authentication sent, written
/// with its spaces as they are (<c>ap_escape_logitem</c> escapes quotes, backslashes and control bytes,
/// not spaces): the time's <c>[</c> after it is where it ends. Expected values are read off the lines.
/// </summary>
public sealed class SpacedUserTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_user_with_spaces_ends_at_the_time()
    {
        string path = _dir.WriteLines(
            "access.log",
            "192.0.2.7 - John Doe [27/Nov/2026:07:00:00 +0000] \"GET /private/ HTTP/1.1\" 200 1024 \"-\" \"curl/8.5.0\"",
            "2001:db8::7 - Jane Q Public [27/Nov/2026:07:00:01 +0000] \"GET /private/a HTTP/1.1\" 401 381",
            "example.com:443 192.0.2.8 - John Doe [27/Nov/2026:07:00:02 +0000] \"GET /v HTTP/1.1\" 200 5 \"-\" \"curl/8.5.0\"",
            "192.0.2.9 - - [27/Nov/2026:07:00:03 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl/8.5.0\"");
        var report = new ParseReport();

        List<LogRecord> records = [.. LogSource.Open(path, new LogSourceOptions { Report = report })];

        report.Malformed.Should().Be(0);
        records.Select(r => (r.VirtualHost, r.Host, r.Ident, r.User, r.Path, r.Status, r.Bytes)).Should().Equal(
            (null, "192.0.2.7", "-", "John Doe", "/private/", 200, 1024L),
            (null, "2001:db8::7", "-", "Jane Q Public", "/private/a", 401, 381L),
            ("example.com:443", "192.0.2.8", "-", "John Doe", "/v", 200, 5L),
            (null, "192.0.2.9", "-", "-", "/", 200, 5L));
        records[0].Time.Should().Be(new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero));
        records[0].ToString().Should().Be("192.0.2.7 - John Doe [27/Nov/2026:07:00:00 +0000] \"GET /private/ HTTP/1.1\" 200 1024 \"-\" \"curl/8.5.0\"");
    }

    [Fact]
    public void A_scan_counts_and_groups_by_the_whole_user()
    {
        string path = _dir.WriteLines(
            "access.log",
            "192.0.2.7 - John Doe [27/Nov/2026:07:00:00 +0000] \"GET /a HTTP/1.1\" 200 10 \"-\" \"curl/8.5.0\"",
            "192.0.2.7 - John Doe [27/Nov/2026:07:00:01 +0000] \"GET /b HTTP/1.1\" 200 20 \"-\" \"curl/8.5.0\"",
            "192.0.2.8 - alice [27/Nov/2026:07:00:02 +0000] \"GET /c HTTP/1.1\" 200 30 \"-\" \"curl/8.5.0\"");

        var totals = LogSource.Open(path).GroupBy(r => r.User).Select(g => new { User = g.Key, Bytes = g.Sum(r => r.Bytes) }).ToList();

        totals.Should().BeEquivalentTo([new { User = "John Doe", Bytes = 30L }, new { User = "alice", Bytes = 30L }]);
        LogSource.Open(path).Count(r => r.User == "John Doe").Should().Be(2);
    }

    [Fact]
    public void A_line_without_a_time_before_its_request_is_still_malformed()
    {
        string path = _dir.WriteLines("access.log", "192.0.2.7 - John Doe \"GET / HTTP/1.1\" 200 5 [not a time]");
        var report = new ParseReport();

        LogSource.Open(path, new LogSourceOptions { Report = report }).Count().Should().Be(0);

        report.Malformed.Should().Be(1);
        report.Samples.Single().Reason.Should().Be("expected '[' to open the time");
    }
}

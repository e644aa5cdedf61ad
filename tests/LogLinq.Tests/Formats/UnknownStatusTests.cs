using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// A status that is no response's: Apache's <c>%&gt;s</c> is <c>-</c> where the request got none
/// (mod_log_config writes <c>-</c> for a status of 0 or less), nginx's <c>$status</c> is printed
/// <c>%03ui</c>, so <c>000</c> for a connection closed before any response and <c>009</c> for an
/// HTTP/0.9 request. <see cref="LogRecord.Status"/> is an int, 0 for <c>-</c>, as the bytes' <c>-</c>
/// is 0; <c>000</c> is the same 0 and <c>009</c> is 9. Expected values are read off the lines.
/// </summary>
public sealed class UnknownStatusTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Log() => _dir.WriteLines(
        "access.log",
        "192.0.2.1 - - [27/Nov/2026:07:00:00 +0000] \"GET /a HTTP/1.1\" - - \"-\" \"curl/8.5.0\"",
        "192.0.2.2 - - [27/Nov/2026:07:00:01 +0000] \"GET /b HTTP/1.1\" 000 0 \"-\" \"curl/8.5.0\"",
        "192.0.2.3 - - [27/Nov/2026:07:00:02 +0000] \"GET /\" 009 17 \"-\" \"-\"",
        "192.0.2.4 - - [27/Nov/2026:07:00:03 +0000] \"-\" - -",
        "192.0.2.5 - - [27/Nov/2026:07:00:04 +0000] \"GET /c HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"");

    [Fact]
    public void A_dash_or_zeros_for_the_status_read_as_0()
    {
        var report = new ParseReport();

        List<LogRecord> records = [.. LogSource.Open(Log(), new LogSourceOptions { Report = report })];

        report.Malformed.Should().Be(0);
        records.Select(r => (r.Host, r.Status, r.Bytes)).Should().Equal(
            ("192.0.2.1", 0, 0L), ("192.0.2.2", 0, 0L), ("192.0.2.3", 9, 17L), ("192.0.2.4", 0, 0L), ("192.0.2.5", 200, 512L));
        records[2].Method.Should().Be("GET");
        records[2].Path.Should().Be("/");
        records[2].Protocol.Should().Be("");
        records[0].ToString().Should().Be("192.0.2.1 - - [27/Nov/2026:07:00:00 +0000] \"GET /a HTTP/1.1\" - 0 \"-\" \"curl/8.5.0\"");
    }

    [Fact]
    public void A_scan_groups_them_under_0_as_the_records_have_it()
    {
        string path = Log();

        var byStatus = LogSource.Open(path).GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToList();

        byStatus.Should().BeEquivalentTo([new { Status = 0, Count = 3 }, new { Status = 9, Count = 1 }, new { Status = 200, Count = 1 }]);
        LogSource.Open(path).Count(r => r.Status == 0).Should().Be(3);
    }
}

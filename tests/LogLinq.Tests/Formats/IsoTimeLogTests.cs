using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// nginx's <c>$time_iso8601</c> in place of <c>$time_local</c> (a common custom <c>log_format</c>):
/// <c>[2023-11-01T08:15:00+01:00]</c> where an NCSA line has its time, read from a real file beside
/// lines with the usual time. Expected times are written out by hand from the lines.
/// </summary>
public sealed class IsoTimeLogTests : IDisposable
{
    private const string Lines =
        "203.0.113.9 - - [2023-11-01T08:15:00+01:00] \"GET /a HTTP/1.1\" 200 10 \"-\" \"curl/8\"\n"
        + "203.0.113.9 - - [2023-11-01T07:15:01Z] \"GET /b HTTP/1.1\" 200 20 \"-\" \"curl/8\"\n"
        + "203.0.113.9 - - [2023-11-01T07:15:02.250-05:30] \"GET /c HTTP/1.1\" 404 30 \"-\" \"curl/8\"\n"
        + "203.0.113.9 - - [01/Nov/2023:07:15:03 +0000] \"GET /d HTTP/1.1\" 200 40 \"-\" \"curl/8\"\n"
        + "203.0.113.9 - - [2023-11-01T07:15:04] \"GET /e HTTP/1.1\" 200 50\n"
        + "203.0.113.9 - - [2023-13-01T07:15:05+00:00] \"GET /bad-month HTTP/1.1\" 200 60\n"
        + "203.0.113.9 - - [2023-11-01 07:15:06+00:00] \"GET /no-t HTTP/1.1\" 200 70\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Iso_times_are_read_with_their_offsets_and_bad_ones_are_malformed()
    {
        string path = _dir.Write("access.log", Lines);
        var report = new ParseReport();

        List<LogRecord> records = [.. LogSource.Open(path, new LogSourceOptions { Report = report })];

        records.Select(r => r.Path).Should().Equal("/a", "/b", "/c", "/d", "/e");
        records.Select(r => (r.Time.DateTime, r.Time.Offset)).Should().Equal(
            // Each line's clock and offset as written: a log written in Paris stays in Paris time.
            (new DateTime(2023, 11, 1, 8, 15, 0), TimeSpan.FromHours(1)),
            (new DateTime(2023, 11, 1, 7, 15, 1), TimeSpan.Zero),
            (new DateTime(2023, 11, 1, 7, 15, 2, 250), TimeSpan.FromMinutes(-330)),
            (new DateTime(2023, 11, 1, 7, 15, 3), TimeSpan.Zero),
            (new DateTime(2023, 11, 1, 7, 15, 4), TimeSpan.Zero));

        report.Malformed.Should().Be(2);
        report.Samples.Select(s => s.LineNumber).Should().Equal(6, 7);
        report.Samples[0].Reason.Should().Be("expected a time like [24/Feb/2008:00:08:59 -0600] or [2008-02-24T00:08:59-06:00]");
    }

    [Fact]
    public void Time_predicates_and_aggregates_see_the_iso_times()
    {
        string path = _dir.Write("access.log", Lines);

        // 07:15:01 UTC and later: every line but the first (07:15:00 UTC) and the malformed.
        var from = new DateTimeOffset(2023, 11, 1, 7, 15, 1, TimeSpan.Zero);
        LogSource.Open(path).Count(r => r.Time >= from).Should().Be(4);
        LogSource.Open(path).Sum(r => r.Bytes).Should().Be(150);

        // The latest instant is the third line's, 12:45:02.25 in UTC, though its clock says 07:15.
        LogSource.Open(path).Max(r => r.Time).Should().BeExactly(new DateTimeOffset(2023, 11, 1, 7, 15, 2, 250, TimeSpan.FromMinutes(-330)));
    }
}

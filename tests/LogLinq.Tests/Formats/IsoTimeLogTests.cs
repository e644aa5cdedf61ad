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
    public void A_run_of_iso_lines_of_one_day_is_read_as_strictly_as_the_first()
    {
        // After a line of a day, the next of that day is compared with it, not decoded again: bad
        // times there (hour 24, second 60, a lowercase t, a zone out of range) are still malformed.
        string path = _dir.WriteLines(
            "access.log",
            "203.0.113.9 - - [2023-11-01T08:15:00+01:00] \"GET /a HTTP/1.1\" 200 10",
            "203.0.113.9 - - [2023-11-01T08:15:01+01:00] \"GET /b HTTP/1.1\" 200 20",
            "203.0.113.9 - - [2023-11-01T24:15:02+01:00] \"GET /bad-hour HTTP/1.1\" 200 30",
            "203.0.113.9 - - [01/Nov/2023:08:15:03 +0100] \"GET /c HTTP/1.1\" 200 40",
            "203.0.113.9 - - [2023-11-01T08:15:04.5+01:00] \"GET /d HTTP/1.1\" 200 50",
            "203.0.113.9 - - [2023-11-01T08:15:60+01:00] \"GET /leap HTTP/1.1\" 200 60",
            "203.0.113.9 - - [2024-02-29T23:59:59Z] \"GET /e HTTP/1.1\" 200 70",
            "203.0.113.9 - - [2023-02-29T23:59:59Z] \"GET /bad-day HTTP/1.1\" 200 80",
            "203.0.113.9 - - [2024-02-29T23:59:59.9999999-14:00] \"GET /f HTTP/1.1\" 200 90",
            "203.0.113.9 - - [2024-02-29T23:59:59+15:00] \"GET /bad-zone HTTP/1.1\" 200 100",
            "203.0.113.9 - - [2024-02-29t23:59:59Z] \"GET /bad-t HTTP/1.1\" 200 110",
            "203.0.113.9 - - [2024-03-01T00:00:00+0100] \"GET /g HTTP/1.1\" 200 120",
            "203.0.113.9 - - [2024-03-01T00:00:01] \"GET /h HTTP/1.1\" 200 130");
        var report = new ParseReport();

        List<LogRecord> records = [.. LogSource.Open(path, new LogSourceOptions { Report = report })];

        records.Select(r => r.Path).Should().Equal("/a", "/b", "/c", "/d", "/e", "/f", "/g", "/h");
        records.Select(r => (r.Time.DateTime, r.Time.Offset)).Should().Equal(
            (new DateTime(2023, 11, 1, 8, 15, 0), TimeSpan.FromHours(1)),
            (new DateTime(2023, 11, 1, 8, 15, 1), TimeSpan.FromHours(1)),
            (new DateTime(2023, 11, 1, 8, 15, 3), TimeSpan.FromHours(1)),
            (new DateTime(2023, 11, 1, 8, 15, 4, 500), TimeSpan.FromHours(1)),
            (new DateTime(2024, 2, 29, 23, 59, 59), TimeSpan.Zero),
            (new DateTime(2024, 2, 29, 23, 59, 59).AddTicks(9_999_999), TimeSpan.FromHours(-14)),

            // "+0100" is read as "+01:00" (the BCL's K takes both), as it was before the fast path.
            (new DateTime(2024, 3, 1, 0, 0, 0), TimeSpan.FromHours(1)),
            (new DateTime(2024, 3, 1, 0, 0, 1), TimeSpan.Zero));
        report.Malformed.Should().Be(5);
        report.Samples.Select(s => s.LineNumber).Should().Equal(3, 6, 8, 10, 11);

        // The same through the block scan, which marks a buffer's spaces and quotes at once.
        LogSource.Open(path).Sum(r => r.Bytes).Should().Be(10 + 20 + 40 + 50 + 70 + 90 + 120 + 130);
        LogSource.Open(path).Count(r => r.Time.Offset == TimeSpan.FromHours(1)).Should().Be(5);
    }

    [Fact]
    public void The_sample_log_reads_the_same_with_its_times_as_iso_and_bad_ones_are_malformed()
    {
        // The sample log with most of its times rewritten as ISO 8601 (every seventh stays NCSA), and
        // six lines spoiled: its records are the original's but those, time for time.
        string[] original = File.ReadAllLines(Path.Combine(TestPaths.Data, "access-log"));
        string[] lines = [.. original.Select((line, i) => i % 7 == 5 ? line : NcsaToIso.Line(line))];
        var spoiled = new Dictionary<int, (string From, string To)>
        {
            [2] = ("T00:", "T24:"),
            [500] = ("-02-", "-13-"),
            [1001] = (":", ";"), // the colon after the hour
            [3000] = ("-06:00]", "+15:00]"),
            [5000] = ("T", "t"),
            [7298] = ("-06:00]", "-06:60]"),
        };
        foreach ((int number, (string from, string to)) in spoiled)
        {
            string line = lines[number - 1];
            int at = line.IndexOf(from, line.IndexOf('[') + (from == ":" ? 14 : 0), StringComparison.Ordinal);
            lines[number - 1] = line[..at] + to + line[(at + from.Length)..];
            lines[number - 1].Should().NotBe(line);
        }

        string iso = _dir.WriteLines("iso.log", lines);
        string ncsa = _dir.WriteLines("ncsa.log", [.. original.Where((_, i) => !spoiled.ContainsKey(i + 1))]);
        var report = new ParseReport();

        List<LogRecord> read = [.. LogSource.Open(iso, new LogSourceOptions { Report = report })];
        List<LogRecord> expected = [.. LogSource.Open(ncsa)];

        read.Select(Describe).Should().Equal(expected.Select(Describe));
        report.Malformed.Should().Be(spoiled.Count);
        report.Samples.Select(s => s.LineNumber).Should().Equal(spoiled.Keys.Order().Select(n => (long)n));
        LogSource.Open(iso).Sum(r => r.Bytes).Should().Be(LogSource.Open(ncsa).Sum(r => r.Bytes));
        LogSource.Open(iso).Count(r => r.Time.Hour == 13).Should().Be(LogSource.Open(ncsa).Count(r => r.Time.Hour == 13));
    }

    private static string Describe(LogRecord r) => $"{r.Host} {r.Time.DateTime:O} {r.Time.Offset} {r.Path} {r.Status} {r.Bytes}";

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

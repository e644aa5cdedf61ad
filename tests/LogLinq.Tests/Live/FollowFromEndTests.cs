using LogLinq.Formats;
using LogLinq.Live;
using LogLinq.Records;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Live;

/// <summary>
/// Logs whose head says how to read the lines after it (W3C's <c>#Fields:</c>, a CSV header),
/// followed from their end, as <c>--follow</c> does by default: the lines written from then on are
/// read by the head written before. Stepped by hand, as in <see cref="GlobFollowerTests"/>.
/// </summary>
public sealed class FollowFromEndTests
{
    private static readonly FollowOptions Fast = new() { MaxPollInterval = TimeSpan.FromMilliseconds(50), RotationGrace = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public void An_iis_log_followed_from_its_end_is_read_by_its_fields_line()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines(
            "u_ex261126.log",
            "#Software: Microsoft Internet Information Services 10.0",
            "#Version: 1.0",
            "#Date: 2026-11-26 12:00:00",
            "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken",
            "2026-11-26 12:00:01 10.0.0.5 GET /old - 443 - 192.0.2.1 curl/8.0 - 200 0 0 15");
        using var follower = new GlobFollower([log], Fast);
        ReadRecords(follower, 0).Should().BeEmpty();

        File.AppendAllText(log, "2026-11-26 12:00:02 10.0.0.5 GET /new q=1 443 - 192.0.2.2 curl/8.0 - 404 0 2 3\r\n");

        LogRecord record = ReadRecords(follower, 1).Single();
        (record.Host, record.Method, record.Path, record.Status, record.Duration).Should().Be(("192.0.2.2", "GET", "/new?q=1", 404, TimeSpan.FromMilliseconds(3)));
        record.Time.Should().Be(new DateTimeOffset(2026, 11, 26, 12, 0, 2, TimeSpan.Zero));
    }

    [Fact]
    public void A_csv_log_followed_from_its_end_is_read_by_its_header()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("requests.csv", "time,host,method,path,status,bytes", "2026-11-26T12:00:01Z,192.0.2.1,GET,/old,200,10");
        using var follower = new GlobFollower([log], Fast);
        ReadRecords(follower, 0).Should().BeEmpty();

        File.AppendAllText(log, "2026-11-26T12:00:02Z,192.0.2.2,POST,/new,201,20\n");

        LogRecord record = ReadRecords(follower, 1).Single();
        (record.Host, record.Method, record.Path, record.Status, record.Bytes).Should().Be(("192.0.2.2", "POST", "/new", 201, 20L));
    }

    [Fact]
    public void A_log_behind_a_collectors_prefix_followed_from_its_end_is_read_behind_it()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("compose.log", "web-1  | 192.0.2.1 - - [26/Nov/2026:12:00:01 +0000] \"GET /old HTTP/1.1\" 200 10 \"-\" \"curl/8.0\"");
        using var follower = new GlobFollower([log], Fast);
        ReadRecords(follower, 0).Should().BeEmpty();

        File.AppendAllText(log, "web-1  | 192.0.2.2 - - [26/Nov/2026:12:00:02 +0000] \"GET /new HTTP/1.1\" 404 20 \"-\" \"curl/8.0\"\n");

        LogRecord record = ReadRecords(follower, 1).Single();
        (record.Host, record.Path, record.Status, record.Bytes).Should().Be(("192.0.2.2", "/new", 404, 20L));
    }

    // The records among the lines read until `count` of them are, or 20 s have passed; with a count
    // of 0, what is there now. A line that is no record fails the test with its reason.
    private static List<LogRecord> ReadRecords(GlobFollower follower, int count)
    {
        var records = new List<LogRecord>();
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            while (follower.TryReadLine(out FollowedFile? file))
            {
                LineResult result = file.Parse(out LogRecord? record, out string? error);
                result.Should().Be(LineResult.Record, error);
                records.Add(record!);
            }

            if (records.Count >= count || DateTime.UtcNow > deadline)
            {
                return records;
            }

            follower.Wait(CancellationToken.None);
        }
    }
}

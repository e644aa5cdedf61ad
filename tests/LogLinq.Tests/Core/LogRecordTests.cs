using System.Text.RegularExpressions;
using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Records;

namespace LogLinq.Tests.Core;

public sealed class LogRecordTests
{
    private static readonly string AccessLog = Path.Combine(TestPaths.Data, "access-log");

    private const string Combined =
        """203.0.113.9 - alice [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)" """;

    [Fact]
    public void Reading_a_text_field_twice_returns_the_same_string()
    {
        LogRecord r = CommonLogParserTests.Parse(Combined.TrimEnd());

        r.Host.Should().BeSameAs(r.Host);
        r.Ident.Should().BeSameAs(r.Ident);
        r.User.Should().BeSameAs(r.User);
        r.Method.Should().BeSameAs(r.Method);
        r.Path.Should().BeSameAs(r.Path);
        r.Protocol.Should().BeSameAs(r.Protocol);
        r.Referrer.Should().BeSameAs(r.Referrer);
        r.UserAgent.Should().BeSameAs(r.UserAgent);
    }

    [Fact]
    public void A_text_field_costs_a_string_when_first_read_and_nothing_after()
    {
        // Warm up the code paths so that only the record's own work is measured.
        _ = CommonLogParserTests.Parse(Combined.TrimEnd()).UserAgent;
        LogRecord r = CommonLogParserTests.Parse(Combined.TrimEnd());

        long before = GC.GetAllocatedBytesForCurrentThread();
        string agent = r.UserAgent!;
        long first = GC.GetAllocatedBytesForCurrentThread() - before;

        before = GC.GetAllocatedBytesForCurrentThread();
        string again = r.UserAgent!;
        string host = r.Host;
        string hostAgain = r.Host;
        long afterHost = GC.GetAllocatedBytesForCurrentThread() - before;

        first.Should().BeGreaterThanOrEqualTo(2 * agent.Length, "the string is made when the field is first read, not before");
        afterHost.Should().BeGreaterThan(0).And.BeLessThan(first + 1000, "reading the agent again made nothing; reading the host once made one string");
        again.Should().BeSameAs(agent);
        hostAgain.Should().BeSameAs(host);

        before = GC.GetAllocatedBytesForCurrentThread();
        _ = r.UserAgent;
        _ = r.Host;
        _ = r.Status;
        _ = r.Bytes;
        _ = r.Time;
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0, "fields already read, and numbers, cost nothing");
    }

    [Fact]
    public void Records_stay_valid_after_the_reader_buffer_is_reused()
    {
        string[] lines = File.ReadAllLines(AccessLog);
        new FileInfo(AccessLog).Length.Should().BeGreaterThan(8 * 64 * 1024, "the file spans many reader buffers");

        List<LogRecord> records = [.. LogPipeline.Find(AccessLog).Open().Cat().Parse()];

        records.Should().HaveCount(7298);

        LogRecord first = records[0];
        first.Host.Should().Be("140.180.132.213");
        first.Time.Should().Be(new DateTimeOffset(2008, 2, 24, 0, 8, 59, TimeSpan.FromHours(-6)));
        first.Method.Should().Be("GET");
        first.Path.Should().Be("/ply/ply.html");
        first.Protocol.Should().Be("HTTP/1.1");
        first.Status.Should().Be(200);
        first.Bytes.Should().Be(97238);
        first.File.Should().Be(AccessLog);
        first.LineNumber.Should().Be(1);

        LogRecord last = records[^1];
        last.Host.Should().Be("80.161.85.77");
        last.Time.Should().Be(new DateTimeOffset(2008, 2, 29, 7, 52, 46, TimeSpan.FromHours(-6)));
        last.Method.Should().Be("GET");
        last.Path.Should().Be("/ply/ply.html");
        last.Status.Should().Be(200);
        last.Bytes.Should().Be(97238);
        last.LineNumber.Should().Be(7298);

        // Every record, read only now that the whole file has gone through the buffer, is its own line.
        for (int i = 0; i < lines.Length; i++)
        {
            string expected = lines[i].EndsWith(" -", StringComparison.Ordinal) ? lines[i][..^1] + "0" : lines[i];
            if (records[i].ToString() != expected || records[i].LineNumber != i + 1)
            {
                records[i].ToString().Should().Be(expected, $"record {i + 1} is line {i + 1}");
                records[i].LineNumber.Should().Be(i + 1);
            }
        }
    }

    [Fact]
    public void Records_kept_from_a_lazy_scan_survive_sorting()
    {
        List<LogRecord> biggest = [.. LogPipeline.Find(AccessLog).Open().Cat().Parse().OrderByDescending(r => r.Bytes).ThenBy(r => r.LineNumber).Take(3)];

        biggest.Select(r => r.Path).Should().Equal("/dynamic/ffcache.zip", "/dynamic/ffcache.zip", "/dynamic/ffcache.zip");
        biggest.Should().OnlyContain(r => r.Bytes == 4919642);
    }

    [Theory]
    [InlineData("""140.180.132.213 - - [24/Feb/2008:00:08:59 -0600] "GET /ply/ply.html HTTP/1.1" 200 97238""")]
    [InlineData("203.0.113.9 - alice [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326 \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"")]
    [InlineData("192.168.1.10 - - [17/May/2015:08:05:32 +0000] \"GET /downloads/product_1 HTTP/1.1\" 304 0 \"-\" \"Debian APT-HTTP/1.3 (0.8.16~exp12ubuntu10.21)\"")]
    [InlineData("""2001:db8::1 - - [01/Jan/2024:00:00:00 +0530] "POST /api?x=1 HTTP/2.0" 201 17""")]
    [InlineData("""203.0.113.7 - - [24/Feb/2008:00:08:59 -0930] "-" 400 0""")]
    [InlineData("""203.0.113.7 - - [24/Feb/2008:00:08:59 +1400] "/index.html" 200 12""")]
    [InlineData("""203.0.113.7 - - [24/Feb/2008:00:08:59 -0600] "GET /index.html" 200 12""")]
    [InlineData("""203.0.113.7 - - [24/Feb/2008:00:08:59 -0600] "GET /my docs/a b.pdf HTTP/1.1" 200 3000""")]
    [InlineData("203.0.113.7 - - [24/Feb/2008:00:08:59 -0600] \"GET /q=\\\"a b\\\" HTTP/1.1\" 200 5 \"-\" \"Bot \\\"x\\\" \\\\\"")]
    [InlineData("""203.0.113.7 - - [24/Feb/2008:00:08:59.123 -0600] "GET / HTTP/1.1" 200 5""")]
    [InlineData("""203.0.113.7 - - [24/Feb/2008:00:08:59.5 +0100] "GET / HTTP/1.1" 200 5""")]
    [InlineData("""203.0.113.7 - - [24/Feb/2008:00:08:59.0000001 +0100] "GET / HTTP/1.1" 200 5""")]
    [InlineData("""203.0.113.7 - - [01/Jan/0999:00:00:00 +0000] "GET / HTTP/1.1" 200 5""")]
    public void ToString_prints_the_line_it_was_parsed_from(string line)
    {
        LogRecord r = CommonLogParserTests.Parse(line);

        r.ToString().Should().Be(line);
        AssertSameFields(CommonLogParserTests.Parse(r.ToString()), r);
    }

    [Theory]
    [InlineData("""122.117.168.219 - - [24/Feb/2008:02:15:07 -0600] "GET /ply/ HTTP/1.1" 304 -""", """122.117.168.219 - - [24/Feb/2008:02:15:07 -0600] "GET /ply/ HTTP/1.1" 304 0""")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:02:15:07 -0600] "GET / HTTP/1.1" - 0""", """1.2.3.4 - - [24/Feb/2008:02:15:07 -0600] "GET / HTTP/1.1" - 0""")]
    [InlineData("""1.2.3.4 - - [24/feb/2008:02:15:07 -0600] "GET / HTTP/1.1" 200 1""", """1.2.3.4 - - [24/Feb/2008:02:15:07 -0600] "GET / HTTP/1.1" 200 1""")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:02:15:07.500 -0600] "GET / HTTP/1.1" 200 1""", """1.2.3.4 - - [24/Feb/2008:02:15:07.5 -0600] "GET / HTTP/1.1" 200 1""")]
    [InlineData("1.2.3.4 - - [24/Feb/2008:02:15:07 -0600] \"GET / HTTP/1.1\" 200 1 \"-\" \"x\" \"extra\"", "1.2.3.4 - - [24/Feb/2008:02:15:07 -0600] \"GET / HTTP/1.1\" 200 1 \"-\" \"x\"")]
    public void ToString_normalizes_what_it_cannot_keep_and_still_round_trips(string line, string printed)
    {
        LogRecord r = CommonLogParserTests.Parse(line.TrimEnd());

        r.ToString().Should().Be(printed);
        AssertSameFields(CommonLogParserTests.Parse(r.ToString()), r);
    }

    [Fact]
    public void Every_record_of_the_sample_log_round_trips()
    {
        foreach (LogRecord r in LogPipeline.Find(AccessLog).Open().Cat().Parse(LogFormat.Common))
        {
            LogRecord again = CommonLogParserTests.Parse(r.ToString());
            if (again.ToString() != r.ToString() || again.Time != r.Time || again.Path != r.Path)
            {
                AssertSameFields(again, r);
            }
        }
    }

    [Fact]
    public void A_record_made_from_values()
    {
        var time = new DateTimeOffset(2024, 3, 1, 12, 30, 0, TimeSpan.FromHours(2));
        var common = new LogRecord("10.1.2.3", time, "GET", "/x", "HTTP/1.1", 200, 42);
        var combined = new LogRecord("10.1.2.3", time, "GET", "/x", "HTTP/1.1", 200, 42, "http://r/", "agent", "id", "bob", "f.log", 9);

        common.Referrer.Should().BeNull();
        common.UserAgent.Should().BeNull();
        common.Ident.Should().Be("-");
        common.User.Should().Be("-");
        common.File.Should().BeEmpty();
        common.ToString().Should().Be("""10.1.2.3 - - [01/Mar/2024:12:30:00 +0200] "GET /x HTTP/1.1" 200 42""");

        combined.File.Should().Be("f.log");
        combined.LineNumber.Should().Be(9);
        combined.ToString().Should().Be("10.1.2.3 id bob [01/Mar/2024:12:30:00 +0200] \"GET /x HTTP/1.1\" 200 42 \"http://r/\" \"agent\"");
        AssertSameFields(CommonLogParserTests.Parse(combined.ToString()), combined);
    }

    [Fact]
    public void ToString_of_the_sample_matches_its_line_shape()
    {
        var shape = new Regex("""^\S+ \S+ \S+ \[\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] "[^"]*" \d+ \d+$""");
        LogPipeline.Find(AccessLog).Open().Cat().Parse().Take(500).Should().OnlyContain(r => shape.IsMatch(r.ToString()));
    }

    private static void AssertSameFields(LogRecord actual, LogRecord expected)
    {
        actual.Host.Should().Be(expected.Host);
        actual.Ident.Should().Be(expected.Ident);
        actual.User.Should().Be(expected.User);
        actual.Time.Should().Be(expected.Time);
        actual.Time.Offset.Should().Be(expected.Time.Offset);
        actual.Method.Should().Be(expected.Method);
        actual.Path.Should().Be(expected.Path);
        actual.Protocol.Should().Be(expected.Protocol);
        actual.Status.Should().Be(expected.Status);
        actual.Bytes.Should().Be(expected.Bytes);
        actual.Referrer.Should().Be(expected.Referrer);
        actual.UserAgent.Should().Be(expected.UserAgent);
    }
}

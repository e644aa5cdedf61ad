using System.Text;
using LogLinq.Formats;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

public sealed class HaproxyLogFormatTests : IDisposable
{
    // The examples of HAProxy's configuration manual ("HTTP log format", "TCP log format"), as rsyslog
    // writes them to a file, and HAProxy's own line for a request it could not parse.
    private const string Http =
        """Feb  6 12:14:14 localhost haproxy[14389]: 10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 {1wt.eu} {} "GET /index.html HTTP/1.1" """;

    private const string Tcp =
        "Feb  6 12:12:51 localhost haproxy[14387]: 10.0.1.2:33313 [06/Feb/2009:12:12:51.443] fnt bck/srv1 0/0/5007 212 -- 0/0/0/0/3 0/0";

    private const string BadRequest =
        """Feb  6 12:12:56 localhost haproxy[14387]: 10.0.1.2:33320 [06/Feb/2009:12:12:56.443] http-in px/<NOSRV> -1/-1/-1/-1/8 400 187 - - PR-- 1/1/0/0/0 0/0 "<BADREQ>" """;

    private readonly string _dir = Directory.CreateTempSubdirectory("loglinq-haproxy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Is_registered_by_name()
    {
        LogFormat.FromName("haproxy").Should().BeSameAs(LogFormat.Haproxy);
    }

    [Fact]
    public void Reads_an_http_line_behind_its_syslog_header()
    {
        LogRecord record = ParseOne(Http);

        record.Host.Should().Be("10.0.1.2", "the client, without the port it connected from");
        record.Time.Should().Be(new DateTimeOffset(2009, 2, 6, 12, 14, 14, 655, TimeSpan.Zero), "HAProxy writes no offset: read as UTC");
        record.Method.Should().Be("GET");
        record.Path.Should().Be("/index.html");
        record.Protocol.Should().Be("HTTP/1.1");
        record.Status.Should().Be(200);
        record.Bytes.Should().Be(2750);
        record.VirtualHost.Should().BeNull("the frontend is not the virtual host");
    }

    [Fact]
    public void Reads_a_raw_line_as_haproxy_writes_it_to_stdout()
    {
        ParseOne("""10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 "GET /raw HTTP/1.1" """)
            .Path.Should().Be("/raw");
    }

    [Fact]
    public void Captured_headers_with_spaces_and_logasap_pluses_are_read_past()
    {
        LogRecord record = ParseOne(
            """Feb  6 12:14:15 lb1 haproxy[14389]: [2001:db8::5]:33318 [06/Feb/2009:12:14:15.001] http-in~ static/<NOSRV> -1/-1/-1/-1/+3 503 +212 - - SC-- 1/1/0/0/0 0/0 {Mozilla/5.0 (X11; Linux)|shop.example} {} "POST /api/x?y=1 HTTP/1.1" """);

        record.Host.Should().Be("2001:db8::5");
        record.Method.Should().Be("POST");
        record.Path.Should().Be("/api/x?y=1");
        record.Status.Should().Be(503);
        record.Bytes.Should().Be(212);
    }

    [Fact]
    public void A_tcp_line_has_no_request_and_no_status()
    {
        LogRecord record = ParseOne(Tcp);

        (record.Method, record.Path, record.Protocol, record.Status, record.Bytes).Should().Be(("-", "-", "-", 0, 212L));
        record.Time.Should().Be(new DateTimeOffset(2009, 2, 6, 12, 12, 51, 443, TimeSpan.Zero));
    }

    [Fact]
    public void A_request_haproxy_could_not_parse_keeps_its_marker_as_the_path()
    {
        LogRecord record = ParseOne(BadRequest);

        record.Status.Should().Be(400);
        record.Path.Should().Be("<BADREQ>");
    }

    [Theory]
    [InlineData("10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69 200 2750", "expected HAProxy's fields: client:port [date] frontend backend/server timers (Tq/Tw/Tc/Tr/Tt, or Tw/Tc/Tt) status bytes")]
    [InlineData("""10.0.1.2:33317 [06/Feb/2009:12:14:14] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 "GET / HTTP/1.1" """, "expected the accept date as [06/Feb/2009:12:14:14.655], found '[06/Feb/2009:12:14:14]'")]
    [InlineData("""10.0.1.2:33317 [06/Foo/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 "GET / HTTP/1.1" """, "expected the accept date as [06/Feb/2009:12:14:14.655], found '[06/Foo/2009:12:14:14.655]'")]
    [InlineData("""10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 OK 2750 - - ---- 1/1/1/1/0 0/0 "GET / HTTP/1.1" """, "expected a numeric status after the timers, found 'OK'")]
    [InlineData("""10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 lots - - ---- 1/1/1/1/0 0/0 "GET / HTTP/1.1" """, "expected the bytes sent to the client, found 'lots'")]
    [InlineData("10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0", "expected the request in quotes at the end of the line")]
    public void Unusable_lines_are_malformed_with_a_reason(string line, string reason)
    {
        LineResult result = LogFormat.Haproxy.CreateParser().Parse(new LogLine("memory.log", 1, Encoding.UTF8.GetBytes(line.TrimEnd())), out LogRecord? record, out string? error);

        result.Should().Be(LineResult.Malformed);
        record.Should().BeNull();
        error.Should().Be(reason);
    }

    [Theory]
    [InlineData(Http)]
    [InlineData(Tcp)]
    [InlineData(BadRequest)]
    [InlineData("""10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 "GET /raw HTTP/1.1" """)]
    [InlineData("""2026-11-26T12:00:01.123456789Z stdout F 10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 "GET / HTTP/1.1" """)]
    public void Is_detected_from_a_line(string line)
    {
        AutoLogFormat.Detect(Encoding.UTF8.GetBytes(line.TrimEnd())).Should().BeSameAs(LogFormat.Haproxy);
    }

    [Theory]
    [InlineData("192.0.2.1 - - [06/Nov/2026:12:00:01 +0000] \"GET / HTTP/1.1\" 200 1")]
    [InlineData("Nov 26 12:00:01 web1 nginx[812]: 192.0.2.1 - - [26/Nov/2026:12:00:01 +0000] \"GET / HTTP/1.1\" 200 1")]
    public void Ncsa_lines_are_not_taken_for_haproxy_lines(string line)
    {
        AutoLogFormat.Detect(Encoding.UTF8.GetBytes(line)).Should().NotBeSameAs(LogFormat.Haproxy);
    }

    [Fact]
    public void A_file_behind_syslog_headers_is_queried_in_parts_with_the_answers_of_its_lines()
    {
        // Every 3rd line a 404, every 10th a TCP line; the bytes are the line's index.
        var text = new StringBuilder();
        const int Lines = 5000;
        int expected404 = 0;
        long expectedBytes = 0;
        for (int i = 0; i < Lines; i++)
        {
            string prefix = $"Nov 26 12:{i / 60 % 60:D2}:{i % 60:D2} lb1 haproxy[812]: 192.0.2.{i % 100}:{40000 + i} [26/Nov/2026:12:{i / 60 % 60:D2}:{i % 60:D2}.{i % 1000:D3}]";
            if (i % 10 == 9)
            {
                text.Append($"{prefix} tcp-in bck/srv1 0/0/5 {i} -- 0/0/0/0/0 0/0\n");
            }
            else
            {
                int status = i % 3 == 0 ? 404 : 200;
                expected404 += status == 404 ? 1 : 0;
                text.Append($"{prefix} http-in static/srv1 1/0/0/2/3 {status} {i} - - ---- 1/1/1/1/0 0/0 {{Mozilla/5.0 (X11)|shop.example}} \"GET /p{i % 7}?n={i} HTTP/1.1\"\n");
            }

            expectedBytes += i;
        }

        string path = Path.Combine(_dir, "haproxy.log");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var report = new ParseReport();
        var options = new LogSourceOptions { MaxDegreeOfParallelism = 2, MinPartSize = 64 * 1024, Report = report };
        IQueryable<LogRecord> logs = LogSource.Open(path, options);

        logs.Count().Should().Be(Lines);
        logs.Count(r => r.Status == 404).Should().Be(expected404);
        logs.Count(r => r.Status == 0).Should().Be(Lines / 10);
        logs.Sum(r => r.Bytes).Should().Be(expectedBytes);
        logs.Where(r => r.Path == "/p3?n=10").Select(r => r.LineNumber).ToList().Should().Equal(11L);
        report.Malformed.Should().Be(0);
    }

    private static LogRecord ParseOne(string line)
    {
        LineResult result = LogFormat.Haproxy.CreateParser().Parse(new LogLine("memory.log", 1, Encoding.UTF8.GetBytes(line.TrimEnd())), out LogRecord? record, out string? error);
        result.Should().Be(LineResult.Record, error);
        return record!;
    }
}

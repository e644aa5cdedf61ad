using System.Text;
using LogLinq.Formats;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

public sealed class LogfmtFormatTests : IDisposable
{
    // Heroku's router, as `heroku logs` prints it (its documentation's example), and a timeout.
    private const string Heroku =
        """2024-01-02T03:04:05.123456+00:00 heroku[router]: at=info method=GET path="/" host=myapp.herokuapp.com request_id=8601b555-6a83-4c12-8269-97c8e32cdb22 fwd="204.204.204.204" dyno=web.1 connect=1ms service=18ms status=200 bytes=13 protocol=https""";

    private const string HerokuTimeout =
        """2024-01-02T03:04:06.000000+00:00 heroku[router]: at=error code=H12 desc="Request timeout" method=POST path="/api/slow?x=1" host=myapp.herokuapp.com request_id=1 fwd="198.51.100.1, 10.0.0.1" dyno=web.2 connect=0ms service=30000ms status=503 bytes=0 protocol=https""";

    // A Go service's access line (log/slog's text handler, logrus's text formatter).
    private const string Go =
        """time=2024-01-02T03:04:05.5Z level=INFO msg="request done" method=GET path=/api/users status=200 bytes=1024 remote_addr=192.0.2.9 user_agent="Go-http-client/1.1" duration=1.2ms""";

    private readonly string _dir = Directory.CreateTempSubdirectory("loglinq-logfmt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Reads_herokus_router_lines_with_the_time_before_them()
    {
        LogRecord record = ParseOne(Heroku);

        record.Time.Should().Be(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234560));
        record.Host.Should().Be("204.204.204.204", "fwd is the client");
        record.Method.Should().Be("GET");
        record.Path.Should().Be("/");
        record.Status.Should().Be(200);
        record.Bytes.Should().Be(13);
        record.Duration.Should().Be(TimeSpan.FromMilliseconds(18), "service is the time the app took");
        record.VirtualHost.Should().Be("myapp.herokuapp.com", "host is the app's, fwd the client's");

        LogRecord timeout = ParseOne(HerokuTimeout);
        timeout.Host.Should().Be("198.51.100.1", "the first of the forwarded addresses");
        (timeout.Method, timeout.Path, timeout.Status).Should().Be(("POST", "/api/slow?x=1", 503));
        timeout.Duration.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void A_service_that_is_a_name_is_no_duration_and_a_host_without_fwd_is_the_client()
    {
        LogRecord record = ParseOne("time=2024-01-02T03:04:05Z service=billing host=192.0.2.7 method=GET path=/ status=200");

        record.Duration.Should().BeNull();
        record.Host.Should().Be("192.0.2.7");
        record.VirtualHost.Should().BeNull();
    }

    [Fact]
    public void Reads_a_go_services_line_with_quoted_and_escaped_values()
    {
        LogRecord record = ParseOne(Go);
        record.Time.Should().Be(new DateTimeOffset(2024, 1, 2, 3, 4, 5, 500, TimeSpan.Zero));
        record.Host.Should().Be("192.0.2.9");
        record.UserAgent.Should().Be("Go-http-client/1.1");
        record.Bytes.Should().Be(1024);

        ParseOne("""time="2024-01-02T03:04:06Z" method=GET path="/a \"b\" \\c" status=404""").Path.Should().Be("/a \"b\" \\c");
    }

    [Fact]
    public void A_time_key_wins_over_a_time_before_the_pairs()
    {
        ParseOne("2024-01-02T03:04:05Z web: time=2024-01-02T03:04:09Z method=GET path=/ status=200").Time
            .Should().Be(new DateTimeOffset(2024, 1, 2, 3, 4, 9, TimeSpan.Zero));
    }

    [Fact]
    public void A_request_key_is_split_into_its_parts()
    {
        LogRecord record = ParseOne("""ts=1704164645 request="GET /x?y=1 HTTP/2.0" status=301 ip=192.0.2.4""");

        (record.Method, record.Path, record.Protocol, record.Host).Should().Be(("GET", "/x?y=1", "HTTP/2.0", "192.0.2.4"));
    }

    [Fact]
    public void A_long_escaped_request_is_split_from_its_unescaped_text()
    {
        string path = "/" + new string('a', 300) + "?q=\\\"x\\\"";
        LogRecord record = ParseOne($"ts=1704164645 request=\"GET {path} HTTP/1.1\" status=200");

        record.Path.Should().Be("/" + new string('a', 300) + "?q=\"x\"");
        record.Protocol.Should().Be("HTTP/1.1");
    }

    [Theory]
    [InlineData("method=GET path=/ status=200", "no time: expected one of the keys time, timestamp, @timestamp, time_local, time_iso8601, ts, msec, start_time or date")]
    [InlineData("time=2024-01-02T03:04:05Z method=GET path=/", "no status: expected one of the keys status, response, status_code, response_code, DownstreamStatus or http.response.status_code")]
    [InlineData("time=2024-01-02T03:04:05Z status=200 bytes=lots", "bytes: expected the number of bytes (or '-'), found 'lots'")]
    [InlineData("just some words", "not logfmt: no key=value pair in the line, which starts 'just some words'")]
    public void Unusable_lines_are_malformed_with_a_reason(string line, string reason)
    {
        LineResult result = LogFormat.Logfmt.CreateParser().Parse(new LogLine("memory.log", 1, Encoding.UTF8.GetBytes(line)), out LogRecord? record, out string? error);

        result.Should().Be(LineResult.Malformed);
        record.Should().BeNull();
        error.Should().Be(reason);
    }

    [Theory]
    [InlineData(Heroku)]
    [InlineData(Go)]
    [InlineData("Nov 26 12:00:01 web1 api[812]: time=2026-11-26T12:00:01Z method=GET path=/ status=200")]
    public void Is_detected_from_a_line(string line)
    {
        AutoLogFormat.Detect(Encoding.UTF8.GetBytes(line)).Should().BeSameAs(LogFormat.Logfmt);
    }

    [Theory]
    [InlineData("time=2024-01-02T03:04:05Z level=info msg=started")]
    [InlineData("192.0.2.1 - - [06/Nov/2026:12:00:01 +0000] \"GET /?a=1&b=2&status=3 HTTP/1.1\" 200 1")]
    [InlineData("192.0.2.1 - - [06/Nov/2026:12:00:01 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"probe a=1 b=2 status=3\"")]
    public void Lines_without_a_status_or_pairs_are_not_taken_for_logfmt(string line)
    {
        AutoLogFormat.Detect(Encoding.UTF8.GetBytes(line)).Should().NotBeSameAs(LogFormat.Logfmt);
    }

    [Fact]
    public void A_file_is_queried_in_parts()
    {
        var text = new StringBuilder();
        const int Lines = 4000;
        long expectedBytes = 0;
        for (int i = 0; i < Lines; i++)
        {
            text.Append($"time=2024-01-02T03:{i / 60 % 60:D2}:{i % 60:D2}Z level=info msg=\"request done\" method=GET path=/p{i % 9} status={(i % 8 == 0 ? 500 : 200)} bytes={i} remote_addr=192.0.2.{i % 50}\n");
            expectedBytes += i;
        }

        string path = Path.Combine(_dir, "api.log");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var report = new ParseReport();
        IQueryable<LogRecord> logs = LogSource.Open(path, new LogSourceOptions { MaxDegreeOfParallelism = 2, MinPartSize = 64 * 1024, Report = report });

        logs.Count(r => r.Status == 500).Should().Be(Lines / 8);
        logs.Sum(r => r.Bytes).Should().Be(expectedBytes);
        logs.Select(r => r.Host).Distinct().Count().Should().Be(50);
        report.Malformed.Should().Be(0);
    }

    private static LogRecord ParseOne(string line)
    {
        LineResult result = LogFormat.Logfmt.CreateParser().Parse(new LogLine("memory.log", 1, Encoding.UTF8.GetBytes(line)), out LogRecord? record, out string? error);
        result.Should().Be(LineResult.Record, error);
        return record!;
    }
}

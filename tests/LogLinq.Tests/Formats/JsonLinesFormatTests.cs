using System.Text;
using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

public sealed class JsonLinesFormatTests : IDisposable
{
    // nginx: log_format json escape=json '{"time_local":"$time_local",...}' writes every value as a string.
    private const string NginxLine =
        """{"time_local":"01/Mar/2024:10:15:32 +0100","remote_addr":"203.0.113.9","remote_user":"-","request":"GET /index.html?q=1 HTTP/1.1","status": "200","body_bytes_sent":"612","request_time":"0.004","http_referer":"-","http_user_agent":"curl/8.4.0"}""";

    private readonly string _dir = Directory.CreateTempSubdirectory("loglinq-json-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Is_registered_by_name()
    {
        LogFormat.FromName("json").Should().BeSameAs(LogFormat.JsonLines);
        LogFormat.Names.Should().Contain("json");
    }

    [Fact]
    public void Reads_nginx_json_lines()
    {
        LogRecord record = ParseOne(NginxLine);

        record.Time.Should().Be(new DateTimeOffset(2024, 3, 1, 10, 15, 32, TimeSpan.FromHours(1)));
        record.Time.Offset.Should().Be(TimeSpan.FromHours(1));
        record.Host.Should().Be("203.0.113.9");
        record.User.Should().Be("-");
        record.Method.Should().Be("GET");
        record.Path.Should().Be("/index.html?q=1");
        record.Protocol.Should().Be("HTTP/1.1");
        record.Status.Should().Be(200);
        record.Bytes.Should().Be(612);
        record.Referrer.Should().Be("-");
        record.UserAgent.Should().Be("curl/8.4.0");
        record.Ident.Should().Be("-");
    }

    [Theory]
    [InlineData("192.0.2.9:51234", "192.0.2.9")] // Go's http.Request.RemoteAddr, as many services log it
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    [InlineData("2001:db8::1", "2001:db8::1")] // no port: IPv6 without brackets stays as it is
    [InlineData("192.0.2.9", "192.0.2.9")]
    [InlineData("client.example.com", "client.example.com")]
    public void A_hosts_port_is_not_part_of_the_host(string address, string host)
    {
        string json = $"{{\"time\":\"2024-03-01T12:00:00Z\",\"remote_addr\":\"{address}\",\"request\":\"GET / HTTP/1.1\",\"status\":200,\"body_bytes_sent\":1}}";
        string logfmt = $"time=2024-03-01T12:00:00Z remote_addr={address} method=GET path=/ status=200 bytes=1";

        ParseOne(json).Host.Should().Be(host);
        LogFormat.Logfmt.CreateParser().Parse(new LogLine("memory.logfmt", 1, Encoding.UTF8.GetBytes(logfmt)), out LogRecord? record, out _)
            .Should().Be(LineResult.Record);
        record!.Host.Should().Be(host);
    }

    [Fact]
    public void Reads_caddy_access_logs_whose_request_is_an_object()
    {
        // Caddy 2's access log as it writes it: epoch seconds in "ts", the request nested, headers as arrays.
        LogRecord record = ParseOne(
            """{"level":"info","ts":1646861401.5241024,"logger":"http.log.access","msg":"handled request","request":{"remote_ip":"10.0.0.1","remote_port":"41342","client_ip":"203.0.113.9","proto":"HTTP/1.1","method":"GET","host":"example.com","uri":"/docs?x=1","headers":{"User-Agent":["curl/7.82.0"],"Accept":["*/*"],"Referer":["https://example.com/"]},"tls":{"resumed":false}},"bytes_read":0,"user_id":"","duration":0.000929675,"size":10900,"status":200,"resp_headers":{"Server":["Caddy"]}}""");

        // 1646861401 s after the epoch is 2022-03-09 21:30:01 UTC.
        record.Time.Should().Be(new DateTimeOffset(2022, 3, 9, 21, 30, 1, TimeSpan.Zero).AddTicks(5241024));
        record.Host.Should().Be("203.0.113.9", "client_ip is the client; remote_ip may be a proxy");
        record.Method.Should().Be("GET");
        record.Path.Should().Be("/docs?x=1");
        record.Protocol.Should().Be("HTTP/1.1");
        record.Status.Should().Be(200);
        record.Bytes.Should().Be(10900);
        record.Referrer.Should().Be("https://example.com/");
        record.UserAgent.Should().Be("curl/7.82.0");
        record.VirtualHost.Should().Be("example.com", "request.host is the Host header Caddy served");
    }

    [Fact]
    public void Reads_the_elastic_common_schema_and_not_an_upstream_status()
    {
        LogRecord record = ParseOne(
            """{"upstream":{"status":200},"@timestamp":"2023-10-10T13:55:36.000Z","source":{"ip":"198.51.100.7"},"http":{"version":"1.1","request":{"method":"POST","referrer":"https://a.example/"},"response":{"status_code":502,"body":{"bytes":321}}},"url":{"path":"/api","original":"/api?q=2"},"user_agent":{"original":"Go-http-client/1.1"},"user":{"name":"bob"}}""");

        record.Time.Should().Be(new DateTimeOffset(2023, 10, 10, 13, 55, 36, TimeSpan.Zero));
        record.Host.Should().Be("198.51.100.7");
        record.Method.Should().Be("POST");
        record.Path.Should().Be("/api?q=2", "url.original keeps the query that url.path drops");
        record.Protocol.Should().Be("HTTP/1.1");
        record.Status.Should().Be(502);
        record.Bytes.Should().Be(321);
        record.Referrer.Should().Be("https://a.example/");
        record.UserAgent.Should().Be("Go-http-client/1.1");
        record.User.Should().Be("bob");
    }

    [Fact]
    public void A_caddy_line_without_a_client_ip_takes_the_remote_ip()
    {
        LogRecord record = ParseOne(
            """{"ts":1646861401,"request":{"remote_ip":"10.0.0.1","method":"HEAD","uri":"/","proto":"HTTP/2.0","headers":{"User-Agent":[]}},"size":0,"status":304}""");

        record.Host.Should().Be("10.0.0.1");
        record.Status.Should().Be(304);
        record.UserAgent.Should().BeNull("an empty header list names no agent");
    }

    [Fact]
    public void Reads_other_key_spellings_and_skips_nested_values()
    {
        LogRecord record = ParseOne(
            """{"@timestamp":"2024-03-01T09:15:32.250Z","client":"198.51.100.7","request":{"headers":{"accept":"*/*"}},"method":"POST","url":"/api/login","protocol":"HTTP/2.0","status_code":401,"response_size":35,"tags":["edge",{"deep":[1,2]}],"referrer":"https://example.com/login","useragent":"Mozilla/5.0 (X11; Linux x86_64)","user":"alice"}""");

        record.Time.Should().Be(new DateTimeOffset(2024, 3, 1, 9, 15, 32, 250, TimeSpan.Zero));
        record.Host.Should().Be("198.51.100.7");
        record.Method.Should().Be("POST");
        record.Path.Should().Be("/api/login");
        record.Protocol.Should().Be("HTTP/2.0");
        record.Status.Should().Be(401);
        record.Bytes.Should().Be(35);
        record.Referrer.Should().Be("https://example.com/login");
        record.UserAgent.Should().Be("Mozilla/5.0 (X11; Linux x86_64)");
        record.User.Should().Be("alice");
    }

    [Fact]
    public void Reads_epoch_seconds_and_a_request_line()
    {
        // 2024-03-01T00:00:00Z is 1709251200; 09:15:32 later is 33332 seconds more.
        LogRecord record = ParseOne("""{"timestamp":1709284532.5,"ip":"192.0.2.1","request":"HEAD / HTTP/1.0","response":304,"bytes":"-"}""");

        record.Time.Should().Be(new DateTimeOffset(2024, 3, 1, 9, 15, 32, 500, TimeSpan.Zero));
        record.Host.Should().Be("192.0.2.1");
        record.Method.Should().Be("HEAD");
        record.Path.Should().Be("/");
        record.Protocol.Should().Be("HTTP/1.0");
        record.Status.Should().Be(304);
        record.Bytes.Should().Be(0);
        record.Referrer.Should().BeNull();
        record.UserAgent.Should().BeNull();
        record.User.Should().Be("-");
    }

    [Fact]
    public void Reads_epoch_seconds_written_as_a_string_and_epoch_milliseconds()
    {
        ParseOne("""{"time":"1709284532","status":200}""").Time
            .Should().Be(new DateTimeOffset(2024, 3, 1, 9, 15, 32, TimeSpan.Zero));
        ParseOne("""{"time":1709284532250,"status":200}""").Time
            .Should().Be(new DateTimeOffset(2024, 3, 1, 9, 15, 32, 250, TimeSpan.Zero));
    }

    [Fact]
    public void Keys_match_without_regard_to_case_and_a_time_without_offset_is_utc()
    {
        LogRecord record = ParseOne("""{"Time":"2024-03-01 08:00:00","Request_Method":"GET","Request_URI":"/health","STATUS":"503","Size":"19"}""");

        record.Time.Should().Be(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero));
        record.Time.Offset.Should().Be(TimeSpan.Zero);
        record.Method.Should().Be("GET");
        record.Path.Should().Be("/health");
        record.Protocol.Should().Be("");
        record.Status.Should().Be(503);
        record.Bytes.Should().Be(19);
    }

    [Theory]
    [InlineData("vhost")]
    [InlineData("server_name")]
    [InlineData("virtual_host")]
    [InlineData("VHost")]
    public void A_vhost_key_names_the_virtual_host_and_host_stays_the_client(string key)
    {
        LogRecord record = ParseOne($$"""{"time":"2024-03-01T08:00:00Z","host":"192.0.2.77","{{key}}":"shop.example:443","status":200}""");

        record.VirtualHost.Should().Be("shop.example:443");
        record.Host.Should().Be("192.0.2.77");
    }

    [Fact]
    public void A_line_without_a_vhost_key_has_no_virtual_host()
    {
        ParseOne(NginxLine).VirtualHost.Should().BeNull();
        ParseOne("""{"time":"2024-03-01T08:00:00Z","host":"www.example.com","remote_addr":"192.0.2.50","status":200}""")
            .VirtualHost.Should().BeNull("host was and stays a (weak) spelling of the client");
    }

    [Fact]
    public void The_client_address_wins_over_a_host_key_whichever_comes_first()
    {
        ParseOne("""{"time":"2024-03-01T08:00:00Z","host":"www.example.com","remote_addr":"192.0.2.50","status":200}""")
            .Host.Should().Be("192.0.2.50");
        ParseOne("""{"time":"2024-03-01T08:00:00Z","remote_addr":"192.0.2.50","host":"www.example.com","status":200}""")
            .Host.Should().Be("192.0.2.50");
        ParseOne("""{"time":"2024-03-01T08:00:00Z","host":"192.0.2.77","status":200}""")
            .Host.Should().Be("192.0.2.77");
    }

    [Fact]
    public void Explicit_parts_win_over_the_request_line()
    {
        LogRecord record = ParseOne("""{"time":"2024-03-01T08:00:00Z","request":"GET /from-request HTTP/1.1","request_uri":"/from-uri","status":200}""");

        record.Path.Should().Be("/from-uri");
        record.Method.Should().Be("GET");
        record.Protocol.Should().Be("HTTP/1.1");
    }

    [Fact]
    public void Escaped_strings_are_unescaped()
    {
        LogRecord record = ParseOne(
            """{"time":"2024-03-01T08:00:00+02:00","status":200,"request":"GET /a\"b HTTP/1.1","http_user_agent":"Agent \u00e9\/1","remote_user":"dom\\user","\u0073tatus":201}""");

        record.Time.Should().Be(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.FromHours(2)));
        record.Path.Should().Be("/a\"b");
        record.UserAgent.Should().Be("Agent é/1");
        record.User.Should().Be("dom\\user");
        record.Status.Should().Be(201, "an escaped key is still the key it spells");
    }

    [Fact]
    public void Null_values_count_as_absent()
    {
        LogRecord record = ParseOne("""{"time":"2024-03-01T08:00:00Z","status":200,"http_referer":null,"remote_user":null,"body_bytes_sent":null}""");

        record.Referrer.Should().BeNull();
        record.User.Should().Be("-");
        record.Bytes.Should().Be(0);
    }

    [Theory]
    [InlineData("not json at all", "not a JSON object: the line starts 'not json at all'")]
    [InlineData("[1, 2, 3]", "not a JSON object: the line is an array")]
    [InlineData("\"hello\"", "not a JSON object: the line is a string")]
    [InlineData("42", "not a JSON object: the line is a number")]
    [InlineData("true", "not a JSON object: the line is a boolean")]
    [InlineData("null", "not a JSON object: the line is null")]
    [InlineData("""{"status":200}""", "no time: expected one of the keys time, timestamp, @timestamp, time_local, time_iso8601, ts, msec, start_time or date")]
    [InlineData("""{"time":"2024-03-01T08:00:00Z"}""", "no status: expected one of the keys status, response, status_code, response_code, DownstreamStatus or http.response.status_code")]
    [InlineData("""{"time":"yesterday","status":200}""", "time: expected a time (ISO 8601, like 24/Feb/2008:00:08:59 -0600, or epoch seconds), found 'yesterday'")]
    [InlineData("""{"time":true,"status":200}""", "time: expected a time (ISO 8601, like 24/Feb/2008:00:08:59 -0600, or epoch seconds), found 'true'")]
    [InlineData("""{"time":"2024-03-01T08:00:00Z","status":"OK"}""", "status: expected a numeric status, found 'OK'")]
    [InlineData("""{"time":"2024-03-01T08:00:00Z","status":200.5}""", "status: expected a numeric status, found '200.5'")]
    [InlineData("""{"time":"2024-03-01T08:00:00Z","status":200,"bytes":"lots"}""", "bytes: expected the number of bytes (or '-'), found 'lots'")]
    public void Unusable_lines_are_malformed_with_a_reason(string line, string reason)
    {
        LineResult result = ParseLine(line, out LogRecord? record, out string? error);

        result.Should().Be(LineResult.Malformed);
        record.Should().BeNull();
        error.Should().Be(reason);
    }

    [Theory]
    [InlineData("""{"time":"2024-03-01T08:00:00Z","status":200""")]
    [InlineData("""{"time":"2024-03-01T08:00:00Z","status":200} {"time":"2024-03-01T08:00:01Z","status":200}""")]
    [InlineData("""{"time":"2024-03-01T08:00:00Z",status:200}""")]
    [InlineData("""{"time":"2024-03-01T08:00:00Z","status":200,}""")]
    public void Invalid_json_is_malformed_with_the_readers_reason(string line)
    {
        LineResult result = ParseLine(line, out _, out string? error);

        result.Should().Be(LineResult.Malformed);
        error.Should().StartWith("invalid JSON: ").And.MatchRegex(@"\(at byte \d+\)$").And.NotContain("LineNumber");
    }

    [Fact]
    public void A_usable_time_from_one_key_makes_up_for_an_unusable_one_from_another()
    {
        LogRecord record = ParseOne("""{"date":"Friday","timestamp":"2024-03-01T08:00:00Z","status":200}""");

        record.Time.Should().Be(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Reads_a_file_through_the_pipeline_counting_malformed_lines()
    {
        string path = Path.Combine(_dir, "access.json");
        File.WriteAllText(
            path,
            NginxLine + "\n" +
            "\n" +
            "{\"time\":\"2024-03-01T10:16:00Z\",\"remote_addr\":\"192.0.2.8\",\"request\":\"GET /b HTTP/1.1\",\"status\":404}\r\n" +
            "garbage\n" +
            "{\"time\":\"2024-03-01T10:17:00Z\"}\n" +
            "{\"time\":\"2024-03-01T10:18:00Z\",\"status\":500,\"uri\":\"/c\"}",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var report = new ParseReport();

        List<LogRecord> records = [.. new[] { path }.Open().Cat().Parse(LogFormat.JsonLines, report)];

        records.Select(r => (r.LineNumber, r.Path, r.Status)).Should().Equal((1L, "/index.html?q=1", 200), (3L, "/b", 404), (6L, "/c", 500));
        report.Records.Should().Be(3);
        report.Malformed.Should().Be(2);
        report.Samples.Should().Equal(
            new MalformedLine(path, 4, "not a JSON object: the line starts 'garbage'"),
            new MalformedLine(path, 5, "no status: expected one of the keys status, response, status_code, response_code, DownstreamStatus or http.response.status_code"));
    }

    [Fact]
    public void A_byte_order_mark_before_the_first_object_is_ignored()
    {
        string path = Path.Combine(_dir, "bom.json");
        File.WriteAllText(path, "\uFEFF" + NginxLine + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var report = new ParseReport();

        List<LogRecord> records = [.. new[] { path }.Open().Cat().Parse(LogFormat.JsonLines, report)];

        report.Malformed.Should().Be(0);
        records.Should().ContainSingle().Which.Host.Should().Be("203.0.113.9");
    }

    private static LogRecord ParseOne(string line)
    {
        LineResult result = ParseLine(line, out LogRecord? record, out string? error);
        result.Should().Be(LineResult.Record, error);
        return record!;
    }

    private static LineResult ParseLine(string text, out LogRecord? record, out string? error) =>
        LogFormat.JsonLines.CreateParser().Parse(new LogLine("memory.json", 1, Encoding.UTF8.GetBytes(text)), out record, out error);
}

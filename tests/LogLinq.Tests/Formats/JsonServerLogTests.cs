using System.Text;
using LogLinq.Formats;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// The JSON access logs of servers and proxies met in the wild, each line as the server writes it
/// (key names and value types from each one's documentation), read into the same fields.
/// </summary>
public sealed class JsonServerLogTests
{
    [Fact]
    public void Reads_traefik_access_logs_by_the_request_start()
    {
        // Traefik's JSON access log: Go's encoder sorts the keys, so "time" (when the line was written,
        // after the request) comes after StartUTC.
        LogRecord record = ParseOne(
            """{"ClientAddr":"192.0.2.15:53962","ClientHost":"192.0.2.15","ClientPort":"53962","ClientUsername":"-","DownstreamContentSize":153,"DownstreamStatus":404,"Duration":1234567,"OriginContentSize":153,"OriginDuration":1000000,"OriginStatus":404,"Overhead":234567,"RequestAddr":"shop.example","RequestContentSize":0,"RequestCount":7,"RequestHost":"shop.example","RequestMethod":"GET","RequestPath":"/missing?x=1","RequestPort":"-","RequestProtocol":"HTTP/1.1","RequestScheme":"https","RetryAttempts":0,"RouterName":"shop@docker","StartLocal":"2024-01-02T04:04:05.123456789+01:00","StartUTC":"2024-01-02T03:04:05.123456789Z","entryPointName":"websecure","level":"info","msg":"","request_Referer":"https://shop.example/","request_User-Agent":"curl/8.5.0","time":"2024-01-02T03:04:06Z"}""");

        // Nine digits of a second, to the nearest tick (100 ns).
        record.Time.Should().Be(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234568), "StartUTC is when the request came in; time, when it was logged");
        record.Host.Should().Be("192.0.2.15");
        record.User.Should().Be("-");
        record.Method.Should().Be("GET");
        record.Path.Should().Be("/missing?x=1");
        record.Protocol.Should().Be("HTTP/1.1");
        record.Status.Should().Be(404, "DownstreamStatus is what the client got");
        record.Bytes.Should().Be(153);
        record.Referrer.Should().Be("https://shop.example/");
        record.UserAgent.Should().Be("curl/8.5.0");
        record.VirtualHost.Should().Be("shop.example");
    }

    [Fact]
    public void A_traefik_line_without_client_host_takes_the_address_without_its_port()
    {
        ParseOne("""{"ClientAddr":"192.0.2.15:53962","DownstreamStatus":200,"StartUTC":"2024-01-02T03:04:05Z"}""")
            .Host.Should().Be("192.0.2.15");
        ParseOne("""{"ClientAddr":"[2001:db8::7]:443","DownstreamStatus":200,"StartUTC":"2024-01-02T03:04:05Z"}""")
            .Host.Should().Be("2001:db8::7");
        ParseOne("""{"ClientHost":"192.0.2.16","ClientAddr":"192.0.2.15:53962","DownstreamStatus":200,"StartUTC":"2024-01-02T03:04:05Z"}""")
            .Host.Should().Be("192.0.2.16", "a key for the client alone says it better, before or after");
        ParseOne("""{"ClientAddr":"192.0.2.15:53962","ClientHost":"192.0.2.16","DownstreamStatus":200,"StartUTC":"2024-01-02T03:04:05Z"}""")
            .Host.Should().Be("192.0.2.16");
    }

    [Fact]
    public void Reads_envoy_and_istio_json_access_logs()
    {
        LogRecord record = ParseOne(
            """{"authority":"reviews.default:9080","bytes_received":0,"bytes_sent":295,"downstream_local_address":"10.44.1.7:9080","downstream_remote_address":"10.44.0.12:41206","duration":3,"method":"GET","path":"/reviews/0","protocol":"HTTP/1.1","request_id":"4f7c","response_code":200,"response_flags":"-","start_time":"2024-01-02T03:04:05.250Z","upstream_cluster":"inbound|9080||","user_agent":"Envoy/HC","x_forwarded_for":null}""");

        record.Time.Should().Be(new DateTimeOffset(2024, 1, 2, 3, 4, 5, 250, TimeSpan.Zero));
        record.Host.Should().Be("10.44.0.12");
        record.Method.Should().Be("GET");
        record.Path.Should().Be("/reviews/0");
        record.Protocol.Should().Be("HTTP/1.1");
        record.Status.Should().Be(200);
        record.Bytes.Should().Be(295);
        record.UserAgent.Should().Be("Envoy/HC");
        record.VirtualHost.Should().Be("reviews.default:9080");
    }

    [Fact]
    public void Reads_kong_logs_whose_request_and_response_are_objects()
    {
        // Kong's file-log plugin: headers as plain strings, started_at in epoch milliseconds.
        LogRecord record = ParseOne(
            """{"request":{"method":"GET","uri":"/get?x=1","url":"http://httpbin.example:8000/get?x=1","size":"75","querystring":{"x":"1"},"headers":{"accept":"*/*","host":"httpbin.example","user-agent":"curl/7.37.1"}},"upstream_uri":"/","response":{"status":200,"size":"434","headers":{"content-length":"197"}},"tries":[{"balancer_latency":0,"port":80}],"latencies":{"proxy":1430,"kong":9,"request":1921},"client_ip":"192.0.2.44","started_at":1433209822425}""");

        record.Time.Should().Be(new DateTimeOffset(2015, 6, 2, 1, 50, 22, 425, TimeSpan.Zero));
        record.Host.Should().Be("192.0.2.44");
        record.Method.Should().Be("GET");
        record.Path.Should().Be("/get?x=1", "request.uri is the path; request.url the whole URL");
        record.Status.Should().Be(200);
        record.Bytes.Should().Be(434, "the response's size, not the request's");
        record.UserAgent.Should().Be("curl/7.37.1");
        record.VirtualHost.Should().Be("httpbin.example");
    }

    [Fact]
    public void A_top_level_response_is_still_a_status()
    {
        ParseOne("""{"time":"2024-01-02T03:04:05Z","response":"503"}""").Status.Should().Be(503);
    }

    [Fact]
    public void Reads_google_cloud_http_request_entries()
    {
        // A Cloud Logging entry: responseSize is an int64, which its JSON writes as a string.
        LogRecord record = ParseOne(
            """{"httpRequest":{"requestMethod":"POST","requestUrl":"/api/orders","requestSize":"312","status":201,"responseSize":"1024","userAgent":"okhttp/4.12.0","remoteIp":"198.51.100.23","serverIp":"10.0.0.5","referer":"https://app.example/","latency":"0.052s","protocol":"HTTP/2"},"insertId":"abc","resource":{"type":"http_load_balancer","labels":{}},"severity":"INFO","timestamp":"2024-01-02T03:04:05.678901Z","logName":"projects/p/logs/requests"}""");

        record.Time.Should().Be(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(6789010));
        record.Host.Should().Be("198.51.100.23");
        record.Method.Should().Be("POST");
        record.Path.Should().Be("/api/orders");
        record.Protocol.Should().Be("HTTP/2");
        record.Status.Should().Be(201);
        record.Bytes.Should().Be(1024);
        record.Referrer.Should().Be("https://app.example/");
        record.UserAgent.Should().Be("okhttp/4.12.0");
    }

    [Theory]
    [InlineData("https://shop.example/api/orders?x=1", "/api/orders?x=1", "shop.example")]
    [InlineData("http://shop.example:8080", "/", "shop.example:8080")]
    [InlineData("https://shop.example?x=1", "/?x=1", "shop.example")]
    [InlineData("/api/orders", "/api/orders", null)]
    public void An_absolute_url_gives_the_path_and_the_virtual_host(string url, string path, string? virtualHost)
    {
        // A load balancer's entry in Cloud Logging names the whole URL the client asked for.
        LogRecord record = ParseOne(
            $$"""{"httpRequest":{"requestMethod":"GET","requestUrl":"{{url}}","status":200,"responseSize":"7","remoteIp":"198.51.100.23"},"timestamp":"2024-01-02T03:04:05Z"}""");

        record.Path.Should().Be(path);
        record.VirtualHost.Should().Be(virtualHost);
    }

    [Fact]
    public void A_virtual_host_key_wins_over_the_urls_host()
    {
        ParseOne("""{"time":"2024-01-02T03:04:05Z","url":"https://internal:8443/x","vhost":"www.example","status":200}""").VirtualHost
            .Should().Be("www.example");
        ParseOne("""{"time":"2024-01-02T03:04:05Z","vhost":"www.example","url":"https://internal:8443/x","status":200}""").VirtualHost
            .Should().Be("www.example");
    }

    [Fact]
    public void Reads_cloudflare_logpush_lines_with_a_start_in_epoch_nanoseconds()
    {
        LogRecord record = ParseOne(
            """{"ClientIP":"203.0.113.71","ClientRequestHost":"www.example.com","ClientRequestMethod":"GET","ClientRequestProtocol":"HTTP/2","ClientRequestReferer":"","ClientRequestURI":"/img/logo.png?v=3","ClientRequestUserAgent":"Mozilla/5.0","EdgeEndTimestamp":1704164645223456789,"EdgeResponseBytes":5120,"EdgeResponseStatus":200,"EdgeStartTimestamp":1704164645123456789,"RayID":"7f1c"}""");

        // 1704164645 s after the epoch is 2024-01-02 03:04:05 UTC; .123456789 s to the nearest tick (100 ns).
        record.Time.Should().Be(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234568));
        record.Host.Should().Be("203.0.113.71");
        record.Method.Should().Be("GET");
        record.Path.Should().Be("/img/logo.png?v=3");
        record.Protocol.Should().Be("HTTP/2");
        record.Status.Should().Be(200);
        record.Bytes.Should().Be(5120);
        record.UserAgent.Should().Be("Mozilla/5.0");
        record.VirtualHost.Should().Be("www.example.com");

        // EdgeEndTimestamp - EdgeStartTimestamp: 1704164645.223456789 - 1704164645.123456789 s.
        record.Duration.Should().Be(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void An_end_before_the_start_is_no_duration()
    {
        ParseOne("""{"ClientIP":"203.0.113.71","EdgeResponseStatus":200,"EdgeStartTimestamp":"2024-01-02T03:04:05Z","EdgeEndTimestamp":"2024-01-02T03:04:04Z"}""").Duration
            .Should().BeNull();
    }

    [Fact]
    public void Reads_the_aws_api_gateway_documented_json_format()
    {
        LogRecord record = ParseOne(
            """{ "requestId":"c6af9ac6-7b61", "ip": "198.51.100.9", "caller":"-", "user":"-","requestTime":"02/Jan/2024:03:04:05 +0000", "httpMethod":"PUT","resourcePath":"/pets/{id}", "status":"403","protocol":"HTTP/1.1", "responseLength":"42" }""");

        record.Time.Should().Be(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));
        record.Host.Should().Be("198.51.100.9");
        record.Method.Should().Be("PUT");
        record.Path.Should().Be("/pets/{id}");
        record.Status.Should().Be(403);
        record.Bytes.Should().Be(42);
    }

    [Fact]
    public void Reads_nginx_time_iso8601_msec_and_http_host()
    {
        LogRecord iso = ParseOne("""{"time_iso8601":"2023-10-10T13:55:37+02:00","remote_addr":"203.0.113.6","request_method":"GET","request_uri":"/a?b=c","status":404,"body_bytes_sent":153,"http_host":"shop.example"}""");
        iso.Time.Should().Be(new DateTimeOffset(2023, 10, 10, 13, 55, 37, TimeSpan.FromHours(2)));
        iso.VirtualHost.Should().Be("shop.example");
        iso.Path.Should().Be("/a?b=c");

        ParseOne("""{"msec":"1696946136.123","status":200}""").Time
            .Should().Be(new DateTimeOffset(2023, 10, 10, 13, 55, 36, 123, TimeSpan.Zero));
    }

    [Fact]
    public void Epoch_microseconds_are_told_from_milliseconds_and_seconds_by_size()
    {
        var expected = new DateTimeOffset(2024, 1, 2, 3, 4, 5, 250, TimeSpan.Zero);
        ParseOne("""{"ts":1704164645.25,"status":200}""").Time.Should().Be(expected);
        ParseOne("""{"ts":1704164645250,"status":200}""").Time.Should().Be(expected);
        ParseOne("""{"ts":1704164645250000,"status":200}""").Time.Should().Be(expected);
        ParseOne("""{"ts":1704164645250000000,"status":200}""").Time.Should().Be(expected);
    }

    [Fact]
    public void An_unusable_start_time_is_reported_when_nothing_else_gives_a_time()
    {
        LineResult result = ParseLine("""{"StartUTC":"soon","DownstreamStatus":200}""", out _, out string? error);

        result.Should().Be(LineResult.Malformed);
        error.Should().Be("StartUTC: expected a time (ISO 8601, like 24/Feb/2008:00:08:59 -0600, or epoch seconds), found 'soon'");
        ParseOne("""{"StartUTC":"soon","time":"2024-01-02T03:04:06Z","DownstreamStatus":200}""").Time
            .Should().Be(new DateTimeOffset(2024, 1, 2, 3, 4, 6, TimeSpan.Zero));
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

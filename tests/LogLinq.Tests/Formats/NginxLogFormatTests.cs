using System.Text;
using LogLinq.Formats;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// <see cref="LogFormat.Nginx"/>: lines in the shapes nginx writes for the <c>log_format</c>s people
/// run (<c>main</c> with <c>$request_time</c>, ingress-nginx's upstream format, one with
/// <c>$time_iso8601</c>, one with <c>$msec</c>), each value written out by hand from the line; and
/// the format given as nginx.conf writes it, a whole <c>log_format</c> directive or its quoted pieces.
/// </summary>
public sealed class NginxLogFormatTests
{
    private const string MainWithRequestTime =
        "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent \"$http_referer\" \"$http_user_agent\" $request_time";

    // ingress-nginx's default log-format-upstream.
    private const string IngressUpstream =
        "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent \"$http_referer\" \"$http_user_agent\" $request_length $request_time [$proxy_upstream_name] [$proxy_alternative_upstream_name] $upstream_addr $upstream_response_length $upstream_response_time $upstream_status $req_id";

    [Fact]
    public void Reads_main_with_the_request_time()
    {
        LogRecord record = ParseOne(
            MainWithRequestTime,
            "192.168.1.20 - alice [27/Nov/2026:10:15:30 +0000] \"GET /api/v1/users?page=2 HTTP/1.1\" 200 1534 \"https://app.example.com/\" \"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\" 0.042");

        (record.Host, record.Ident, record.User).Should().Be(("192.168.1.20", "-", "alice"));
        record.Time.Should().Be(new DateTimeOffset(2026, 11, 27, 10, 15, 30, TimeSpan.Zero));
        (record.Method, record.Path, record.Protocol).Should().Be(("GET", "/api/v1/users?page=2", "HTTP/1.1"));
        (record.Status, record.Bytes).Should().Be((200, 1534L));
        record.Referrer.Should().Be("https://app.example.com/");
        record.UserAgent.Should().Be("Mozilla/5.0 (Windows NT 10.0; Win64; x64)");
        record.Duration.Should().Be(TimeSpan.FromMilliseconds(42));
    }

    [Fact]
    public void Keeps_a_quote_nginx_escaped_inside_a_quoted_field()
    {
        LogRecord record = ParseOne(
            MainWithRequestTime,
            "192.168.1.21 - - [27/Nov/2026:10:15:31 +0000] \"GET /a HTTP/1.1\" 404 0 \"-\" \"curl \\x22quoted\\x22\" 0.000");

        record.UserAgent.Should().Be("curl \\x22quoted\\x22");
        (record.Status, record.Bytes, record.Duration).Should().Be((404, 0L, TimeSpan.Zero));
    }

    [Fact]
    public void Reads_ingress_nginx_upstream_lines()
    {
        LogRecord record = ParseOne(
            IngressUpstream,
            "10.244.1.1 - - [27/Nov/2026:10:00:00 +0000] \"POST /api/orders HTTP/2.0\" 201 87 \"-\" \"okhttp/4.12.0\" 512 1.204 [shop-api-8080] [] 10.244.0.12:8080 87 1.203 201 8f1e2d3c4b5a69788796a5b4c3d2e1f0");

        (record.Host, record.Method, record.Path, record.Status, record.Bytes).Should().Be(("10.244.1.1", "POST", "/api/orders", 201, 87L));
        record.Duration.Should().Be(TimeSpan.FromMilliseconds(1204));

        // A retried request: the upstreams are a list with ", " in it, read past as the rest of the line.
        LogRecord retried = ParseOne(
            IngressUpstream,
            "10.244.1.1 - - [27/Nov/2026:10:00:01 +0000] \"GET /api/items HTTP/1.1\" 200 10 \"-\" \"okhttp/4.12.0\" 300 0.010 [shop-api-8080] [] 10.244.0.12:8080, 10.244.0.13:8080 0, 10 0.004, 0.006 502, 200 0a1b2c3d");
        (retried.Status, retried.Duration).Should().Be((200, TimeSpan.FromMilliseconds(10)));
    }

    [Fact]
    public void Reads_an_iso_8601_time_the_host_and_the_bytes_sent()
    {
        LogRecord record = ParseOne(
            "$time_iso8601 $host $remote_addr \"$request\" $status $bytes_sent $request_time",
            "2026-11-27T10:15:30+01:00 shop.example.com 198.51.100.23 \"GET / HTTP/2.0\" 200 612 0.003");

        record.Time.Should().Be(new DateTimeOffset(2026, 11, 27, 10, 15, 30, TimeSpan.FromHours(1)));
        (record.VirtualHost, record.Host, record.Bytes).Should().Be(("shop.example.com", "198.51.100.23", 612L));
        record.Duration.Should().Be(TimeSpan.FromMilliseconds(3));
    }

    [Fact]
    public void Reads_msec_and_a_path_joined_from_its_parts()
    {
        // 1764238530 s is 2025-11-27 10:15:30 UTC.
        LogRecord record = ParseOne(
            "$msec $remote_addr $request_method $uri$is_args$args $server_protocol $status $body_bytes_sent $request_time \"$http_user_agent\"",
            "1764238530.123 203.0.113.5 GET /search?q=logs HTTP/1.1 200 9000 1.250 \"Go-http-client/1.1\"");

        record.Time.Should().Be(new DateTimeOffset(2025, 11, 27, 10, 15, 30, 123, TimeSpan.Zero));
        (record.Method, record.Path, record.Protocol).Should().Be(("GET", "/search?q=logs", "HTTP/1.1"));
        (record.Status, record.Bytes).Should().Be((200, 9000L));
        record.Duration.Should().Be(TimeSpan.FromMilliseconds(1250));
        record.UserAgent.Should().Be("Go-http-client/1.1");
        record.Referrer.Should().BeNull();
    }

    [Fact]
    public void A_request_time_of_dash_is_none_and_a_time_local_with_a_space_is_read_whole()
    {
        LogRecord record = ParseOne(
            "$remote_addr $time_local $status $request_time",
            "192.0.2.1 27/Nov/2026:10:15:30 -0500 499 -");

        record.Time.Should().Be(new DateTimeOffset(2026, 11, 27, 10, 15, 30, TimeSpan.FromHours(-5)));
        (record.Status, record.Duration).Should().Be((499, (TimeSpan?)null));
    }

    [Fact]
    public void Keeps_the_port_with_the_host_and_the_arguments_with_the_uri()
    {
        LogRecord record = ParseOne(
            "$host:$server_port $remote_addr [$time_local] \"$request_method $uri?$args $server_protocol\" $status $bytes_sent",
            "shop.example.com:8443 192.0.2.44 [27/Nov/2026:10:15:30 +0000] \"GET /find?q=a+b HTTP/1.1\" 200 2048");

        record.VirtualHost.Should().Be("shop.example.com:8443");
        (record.Method, record.Path, record.Protocol).Should().Be(("GET", "/find?q=a+b", "HTTP/1.1"));
        (record.Status, record.Bytes).Should().Be((200, 2048L));
    }

    [Fact]
    public void Reads_lines_behind_a_syslog_header()
    {
        LogRecord record = ParseOne(
            MainWithRequestTime,
            "Nov 27 10:15:30 web1 nginx: 192.168.1.20 - - [27/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"curl/8.5.0\" 0.042");

        (record.Host, record.Path, record.Duration).Should().Be(("192.168.1.20", "/", (TimeSpan?)TimeSpan.FromMilliseconds(42)));
    }

    [Fact]
    public void A_line_of_the_format_is_not_taken_for_one_behind_a_syslog_header()
    {
        // A time, a word, a word and a colon: what a syslog header opens a line with, and this format's own line.
        LogRecord record = ParseOne(
            "$time_iso8601 $host $remote_user: $status $request_time",
            "2026-11-27T10:15:30+00:00 shop.example.com alice: 200 0.003");

        (record.VirtualHost, record.User, record.Status).Should().Be(("shop.example.com", "alice", 200));
    }

    [Theory]
    [InlineData("192.168.1.20 - - [27/Nov/2026:10:15:30 +0000] \"GET / HTTP/1.1\" 200 1534 \"-\" \"curl/8\" soon", "$request_time: expected seconds, as 0.012, found 'soon'")]
    [InlineData("192.168.1.20 - - [yesterday] \"GET / HTTP/1.1\" 200 1534 \"-\" \"curl/8\" 0.1", "expected '] \"' after $time_local, found 'yesterday] \"GET / HTTP/1.1\" 200 1534 \"-\" \"curl/8\" 0.1'")]
    public void A_line_not_in_the_format_is_malformed_with_a_reason(string line, string reason)
    {
        LineResult result = Parse(MainWithRequestTime, line, out LogRecord? record, out string? error);

        result.Should().Be(LineResult.Malformed);
        record.Should().BeNull();
        error.Should().Be(reason);
    }

    [Theory]
    [InlineData("$remote_addr $ [$time_local]", "a $ without a variable's name after it", 14)]
    [InlineData("$remote_addr ${time_local [$time_local]", "${time_local is not a variable", 14)]
    [InlineData("$remote_addr$remote_user [$time_local]", "$remote_user follows $remote_addr with nothing between them", 13)]
    [InlineData("$remote_addr \"$request\"", "the format has no time of the request", 1)]
    public void A_variable_that_cannot_be_read_is_an_argument_exception_saying_which_and_where(string format, string reason, int character)
    {
        Action create = () => LogFormat.Nginx(format);

        create.Should().Throw<ArgumentException>()
            .Which.Message.Should().StartWith(reason).And.Contain($"(at character {character} of the format)");
    }

    // nginx.conf's default main format as nginx's documentation writes it; the same with escape=json
    // and pieces in both kinds of quotes; its pieces alone, over lines.
    [Theory]
    [InlineData("""
        log_format main '$remote_addr - $remote_user [$time_local] "$request" '
                        '$status $body_bytes_sent "$http_referer" '
                        '"$http_user_agent" "$http_x_forwarded_for"';
        """)]
    [InlineData("log_format  main  escape=json  \"$remote_addr - $remote_user [$time_local] \\\"$request\\\" \" '$status $body_bytes_sent \"$http_referer\" ' \"\\\"$http_user_agent\\\" \\\"$http_x_forwarded_for\\\"\"")]
    [InlineData("'$remote_addr - $remote_user [$time_local] \"$request\" '\n\t'$status $body_bytes_sent \"$http_referer\" ' '\"$http_user_agent\" \"$http_x_forwarded_for\"'")]
    public void Reads_the_log_format_directive_pasted_whole_or_its_quoted_pieces(string config)
    {
        LogRecord record = ParseOne(
            config,
            "203.0.113.7 - - [26/Nov/2026:12:00:01 +0000] \"GET /index.html HTTP/1.1\" 200 612 \"-\" \"curl/8.0\" \"-\"");

        (record.Host, record.Status, record.Bytes).Should().Be(("203.0.113.7", 200, 612L));
        (record.Method, record.Path, record.Protocol).Should().Be(("GET", "/index.html", "HTTP/1.1"));
        record.Time.Should().Be(new DateTimeOffset(2026, 11, 26, 12, 0, 1, TimeSpan.Zero));
        record.UserAgent.Should().Be("curl/8.0");
    }

    [Fact]
    public void A_piece_s_escapes_are_read_as_nginx_reads_them_and_escape_json_keeps_values_as_written()
    {
        // In nginx.conf, \' inside a single-quoted piece is a quote; escape=json writes a quote in a value as \".
        LogRecord record = ParseOne(
            "log_format q escape=json '$remote_addr \\'$time_local\\' \"$http_user_agent\" $status';",
            "192.0.2.9 '26/Nov/2026:12:00:01 +0000' \"say \\\"hi\\\"\" 204");

        (record.Host, record.Status).Should().Be(("192.0.2.9", 204));
        record.UserAgent.Should().Be("say \\\"hi\\\"");
    }

    [Fact]
    public void Fields_each_in_quotes_of_the_line_s_own_are_read_as_they_stand_not_joined()
    {
        // Joined as nginx's pieces, $time_iso8601$remote_addr could not be told apart: the quotes are the line's.
        LogRecord record = ParseOne("\"$time_iso8601\" \"$remote_addr\" \"$status\"", "\"2026-11-26T12:00:01+00:00\" \"198.51.100.2\" \"301\"");

        (record.Host, record.Status).Should().Be(("198.51.100.2", 301));
    }

    [Theory]
    [InlineData("log_format", "log_format needs a name before its format, as log_format main '...'", 11)]
    [InlineData("log_format 'x [$time_local]';", "log_format needs a name before its format", 12)]
    [InlineData("log_format main escape=xml '[$time_local]';", "escape=xml is not nginx's: it has escape=default, escape=json and escape=none", 17)]
    [InlineData("log_format main $remote_addr;", "expected the format in quotes after log_format main, found '$remote_addr;'", 17)]
    [InlineData("log_format main '$remote_addr ' '[$time_local]", "the ' that opens this piece of the format is not closed", 33)]
    [InlineData("log_format main \"[$time_local] \\\"$request\\\"", "the \" that opens this piece of the format is not closed", 17)]
    [InlineData("log_format main '[$time_local]'; access_log x main;", "the ; ends the log_format, but 'access_log x main;' follows it", 34)]
    [InlineData("log_format main '[$time_local] ' $status;", "expected another piece of the format in quotes, or the ; that ends it, found '$status;'", 34)]
    [InlineData("log_format main '$remote_addr ' '$ [$time_local]';", "a $ without a variable's name after it", 34)]
    [InlineData("log_format main '$remote_addr' '$status [$time_local]';", "$status follows $remote_addr with nothing between them", 33)]
    [InlineData("'$remote_addr ' '$ [$time_local]'", "a $ without a variable's name after it", 18)]
    [InlineData("log_format main '$remote_addr \"$request\"';", "the format has no time of the request", 18)]
    public void A_directive_that_cannot_be_read_is_an_argument_exception_saying_what_and_where(string config, string reason, int character)
    {
        Action create = () => LogFormat.Nginx(config);

        create.Should().Throw<ArgumentException>()
            .Which.Message.Should().StartWith(reason).And.Contain($"(at character {character} of the format)");
    }

    private static LogRecord ParseOne(string format, string line)
    {
        LineResult result = Parse(format, line, out LogRecord? record, out string? error);
        result.Should().Be(LineResult.Record, error);
        return record!;
    }

    private static LineResult Parse(string format, string line, out LogRecord? record, out string? error) =>
        LogFormat.Nginx(format).CreateParser().Parse(new LogLine("memory.log", 1, Encoding.UTF8.GetBytes(line)), out record, out error);
}

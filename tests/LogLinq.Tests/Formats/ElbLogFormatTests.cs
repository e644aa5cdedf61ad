using System.Text;
using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

public sealed class ElbLogFormatTests : IDisposable
{
    // The examples of AWS's documentation ("Access logs for your Application Load Balancer",
    // "Access logs for your Classic Load Balancer"), one of each listener type.
    private const string AlbHttp =
        """http 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.46.0" - - arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe354" "-" "-" 0 2018-07-02T22:22:48.364000Z "forward" "-" "-" "10.0.0.1:80" "200" "-" "-" TID_1234abcd5678ef90""";

    private const string AlbHttps =
        """https 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.086 0.048 0.037 200 200 0 57 "GET https://www.example.com:443/api/items?id=3 HTTP/1.1" "Mozilla/5.0 (X11; Linux x86_64)" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337281-1d84f3d73c47ec4e58577259" "www.example.com" "arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012" 1 2018-07-02T22:22:48.364000Z "authenticate,forward" "-" "-" "10.0.0.1:80" "200" "-" "-" TID_1234abcd5678ef90""";

    private const string AlbHttp2 =
        """h2 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 10.0.1.252:48160 10.0.0.66:9000 0.000 0.002 0.000 404 404 5 257 "GET https://10.0.2.105:773/ HTTP/2.0" "curl/7.46.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337327-72bd00b0343d75b906739c42" "-" "-" 1 2018-07-02T22:22:48.364000Z "redirect" "https://example.com:80/" "-" "10.0.0.66:9000" "200" "-" "-" TID_1234abcd5678ef90""";

    private const string ClassicHttp =
        """2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.000073 0.001048 0.000057 200 200 0 29 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.38.0" - -""";

    private const string ClassicTcp =
        """2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.001069 0.000028 0.000041 - - 82 305 "- - - " "-" - -""";

    private readonly string _dir = Directory.CreateTempSubdirectory("loglinq-elb-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Is_registered_by_name()
    {
        LogFormat.FromName("elb").Should().BeSameAs(LogFormat.Elb);
        LogFormat.Names.Should().Contain("elb");
    }

    [Fact]
    public void Reads_an_application_load_balancers_line()
    {
        LogRecord record = ParseOne(AlbHttps);

        record.Time.Should().Be(new DateTimeOffset(2018, 7, 2, 22, 23, 0, TimeSpan.Zero).AddTicks(1866410));
        record.Host.Should().Be("192.168.131.39", "the client, without the port it connected from");
        record.Method.Should().Be("GET");
        record.Path.Should().Be("/api/items?id=3", "the URL's scheme and host are not its path");
        record.Protocol.Should().Be("HTTP/1.1");
        record.VirtualHost.Should().Be("www.example.com:443");
        record.Status.Should().Be(200);
        record.Bytes.Should().Be(57, "sent_bytes, what went to the client");
        record.UserAgent.Should().Be("Mozilla/5.0 (X11; Linux x86_64)");
        record.Referrer.Should().BeNull();
        record.User.Should().Be("-");
    }

    [Fact]
    public void Reads_every_listener_type_and_the_load_balancers_status()
    {
        LogRecord http = ParseOne(AlbHttp);
        http.Path.Should().Be("/");
        http.Bytes.Should().Be(366);
        http.UserAgent.Should().Be("curl/7.46.0");

        LogRecord h2 = ParseOne(AlbHttp2);
        h2.Host.Should().Be("10.0.1.252");
        h2.Status.Should().Be(404);
        h2.Protocol.Should().Be("HTTP/2.0");
        h2.VirtualHost.Should().Be("10.0.2.105:773");
    }

    [Fact]
    public void Reads_a_classic_load_balancers_lines_tcp_ones_too()
    {
        LogRecord http = ParseOne(ClassicHttp);
        http.Time.Should().Be(new DateTimeOffset(2015, 5, 13, 23, 39, 43, TimeSpan.Zero).AddTicks(9459580));
        http.Host.Should().Be("192.168.131.39");
        http.Path.Should().Be("/");
        http.Status.Should().Be(200);
        http.Bytes.Should().Be(29);
        http.UserAgent.Should().Be("curl/7.38.0");

        // A TCP listener's entry has no HTTP request: '-' for its parts and its status.
        LogRecord tcp = ParseOne(ClassicTcp);
        (tcp.Method, tcp.Path, tcp.Protocol, tcp.Status, tcp.Bytes).Should().Be(("-", "-", "-", 0, 305L));
        tcp.UserAgent.Should().BeNull();
    }

    [Theory]
    [InlineData("http 2018-07-02T22:23:00.186641Z app/lb 192.0.2.1:2817 10.0.0.1:80 0.000", "expected at least 14 fields (an Application Load Balancer's line), found 6")]
    [InlineData("2015-05-13T23:39:43Z lb 192.0.2.1:1 10.0.0.1:80 0 0 0 200 200", "expected at least 13 fields (a Classic Load Balancer's line), found 9")]
    [InlineData("""http 2018-07-02 app/lb 192.0.2.1:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET http://a/ HTTP/1.1" "curl" - -""", "expected an ISO 8601 time, found '2018-07-02'")]
    [InlineData("""http 2018-07-02T22:23:00Z app/lb 192.0.2.1:2817 10.0.0.1:80 0.000 0.001 0.000 OK 200 34 366 "GET http://a/ HTTP/1.1" "curl" - -""", "expected the load balancer's status code, found 'OK'")]
    [InlineData("""http 2018-07-02T22:23:00Z app/lb 192.0.2.1:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 many "GET http://a/ HTTP/1.1" "curl" - -""", "expected the bytes sent to the client, found 'many'")]
    public void Unusable_lines_are_malformed_with_a_reason(string line, string reason)
    {
        LineResult result = ParseLine(line, out LogRecord? record, out string? error);

        result.Should().Be(LineResult.Malformed);
        record.Should().BeNull();
        error.Should().Be(reason);
    }

    [Fact]
    public void A_quoted_field_ends_at_a_quote_before_a_space_not_at_one_inside_it()
    {
        string line = AlbHttp.Replace("\"curl/7.46.0\"", "\"agent \"x\"/1 (y)\"", StringComparison.Ordinal);

        ParseOne(line).UserAgent.Should().Be("agent \"x\"/1 (y)");
    }

    [Theory]
    [InlineData(AlbHttp)]
    [InlineData(AlbHttp2)]
    [InlineData(ClassicHttp)]
    [InlineData(ClassicTcp)]
    public void Is_detected_from_a_line(string line)
    {
        AutoLogFormat.Detect(Encoding.UTF8.GetBytes(line)).Should().BeSameAs(LogFormat.Elb);
    }

    [Theory]
    [InlineData("192.0.2.1 - - [06/Nov/2026:12:00:01 +0000] \"GET / HTTP/1.1\" 200 1")]
    [InlineData("http 192.0.2.1 - - [06/Nov/2026:12:00:01 +0000] \"GET / HTTP/1.1\" 200 1")]
    [InlineData("2026-11-06T12:00:01Z 192.0.2.1 GET / 200")]
    public void Other_lines_are_not_taken_for_elb_lines(string line)
    {
        AutoLogFormat.Detect(Encoding.UTF8.GetBytes(line)).Should().NotBeSameAs(LogFormat.Elb);
    }

    [Fact]
    public void A_file_is_read_by_the_query_provider_and_split_among_workers()
    {
        // Enough lines for several parts at a small part size; every 5th a 404, every 7th a Classic TCP line.
        var text = new StringBuilder();
        long expectedBytes = 0;
        int expected404 = 0;
        const int Lines = 4000;
        for (int i = 0; i < Lines; i++)
        {
            int status = i % 5 == 0 ? 404 : 200;
            expected404 += status == 404 ? 1 : 0;
            expectedBytes += i;
            text.Append(
                $"""https 2024-01-02T03:{i / 60 % 60:D2}:{i % 60:D2}.000000Z app/lb/1 198.51.100.{i % 200}:{1000 + i} 10.0.0.1:80 0.001 0.002 0.000 {status} {status} 10 {i} "GET https://shop.example:443/item/{i % 13}?q={i} HTTP/1.1" "agent {i % 3}" - - arn:x "Root=1" "shop.example" "-" 0 2024-01-02T03:00:00.000000Z "forward" "-" "-" "10.0.0.1:80" "{status}" "-" "-" TID_1""").Append('\n');
        }

        string path = Path.Combine(_dir, "123456789012_elasticloadbalancing_us-east-2_app.lb.log");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var report = new ParseReport();
        var options = new LogSourceOptions { MaxDegreeOfParallelism = 2, MinPartSize = 64 * 1024, Report = report };
        IQueryable<LogRecord> logs = LogSource.Open(path, options);

        logs.Count().Should().Be(Lines);
        logs.Count(r => r.Status == 404).Should().Be(expected404);
        logs.Sum(r => r.Bytes).Should().Be(expectedBytes);
        logs.Where(r => r.Path == "/item/4?q=4").Select(r => r.LineNumber).ToList().Should().Equal(5L);
        logs.Select(r => r.Host).Distinct().Count().Should().Be(200);
        report.Malformed.Should().Be(0);
    }

    [Fact]
    public void An_ipv6_client_is_the_address_before_the_last_colon()
    {
        // A load balancer writes an IPv6 client as address:port without brackets (as ALB and Classic
        // lines people have reported show), so the port is what follows the last colon.
        string path = Path.Combine(_dir, "alb-ipv6.log");
        File.WriteAllLines(path, [
            """h2 2023-09-10T23:55:00.361692Z app/my-loadbalancer/50dc6c495c0c9188 2001:db8:4538:1:bcf4:5264:e01c:f215:50718 10.0.0.1:80 0.000 0.003 0.000 401 401 29 805 "GET https://api.example.com:443/api/v1/me HTTP/2.0" "okhttp/4.11.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-64fe5754-33ecd7461b3736944677bb97" "api.example.com" "session-reused" 11 2023-09-10T23:55:00.358000Z "forward" "-" "-" "10.0.0.1:80" "401" "-" "-" TID_1234abcd5678ef90""",
            """https 2023-09-10T23:55:01.000000Z app/my-loadbalancer/50dc6c495c0c9188 2001:db8::1:443 10.0.0.1:80 0.001 0.002 0.000 200 200 10 20 "GET https://api.example.com:443/ HTTP/1.1" "curl/8.5.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-64fe5754-33ecd7461b3736944677bb98" "api.example.com" "-" 11 2023-09-10T23:55:00.999000Z "forward" "-" "-" "10.0.0.1:80" "200" "-" "-" TID_1234abcd5678ef90""",
            """2015-06-29T18:20:58.072335Z my-loadbalancer 2001:db8:240:4002:5883:b5f3:aaaa:64ec:53016 10.12.34.56:80 0.000052 0.006129 0.000037 200 200 0 0 "GET https://www.example.com:443/ HTTP/1.1" "Mozilla/5.0" ECDHE-RSA-AES128-SHA256 TLSv1.2""",
            AlbHttp,
        ]);
        var report = new ParseReport();

        List<LogRecord> records = [.. LogSource.Open(path, new LogSourceOptions { Report = report })];

        report.Malformed.Should().Be(0);
        records.Select(r => r.Host).Should().Equal("2001:db8:4538:1:bcf4:5264:e01c:f215", "2001:db8::1", "2001:db8:240:4002:5883:b5f3:aaaa:64ec", "192.168.131.39");
        LogSource.Open(path).Count(r => r.Host == "2001:db8::1").Should().Be(1);
    }

    private static LogRecord ParseOne(string line)
    {
        LineResult result = ParseLine(line, out LogRecord? record, out string? error);
        result.Should().Be(LineResult.Record, error);
        return record!;
    }

    private static LineResult ParseLine(string text, out LogRecord? record, out string? error) =>
        LogFormat.Elb.CreateParser().Parse(new LogLine("memory.log", 1, Encoding.UTF8.GetBytes(text)), out record, out error);
}

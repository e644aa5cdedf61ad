using System.Text;
using LogLinq.Formats;
using LogLinq.Records;

namespace LogLinq.Tests.Core;

public sealed class CommonLogParserTests
{
    private static readonly TimeSpan Chicago = TimeSpan.FromHours(-6);

    internal static LogRecord Parse(string line, LogFormat? format = null) => Parse(Encoding.UTF8.GetBytes(line), format);

    internal static LogRecord Parse(byte[] line, LogFormat? format = null)
    {
        LineParser parser = (format ?? LogFormat.Common).CreateParser();
        LineResult result = parser.Parse(new LogLine("test.log", 7, line), out LogRecord? record, out string? error);
        result.Should().Be(LineResult.Record, "the line is well formed, yet the parser said: {0}", error);
        record.Should().NotBeNull();
        error.Should().BeNull();
        return record!;
    }

    internal static string Malformed(string line, LogFormat? format = null) => Malformed(Encoding.UTF8.GetBytes(line), format);

    internal static string Malformed(byte[] line, LogFormat? format = null)
    {
        LineParser parser = (format ?? LogFormat.Common).CreateParser();
        LineResult result = parser.Parse(new LogLine("test.log", 7, line), out LogRecord? record, out string? error);
        result.Should().Be(LineResult.Malformed, "the line is not a record: {0}", Encoding.UTF8.GetString(line));
        record.Should().BeNull();
        error.Should().NotBeNullOrWhiteSpace();
        return error!;
    }

    [Fact]
    public void A_forwarded_for_list_in_the_host_place_is_one_host_as_written()
    {
        // nginx behind a proxy, logging $proxy_add_x_forwarded_for where $remote_addr usually goes.
        LogRecord r = Parse("""203.0.113.9, 10.0.0.2 - - [25/Nov/2026:10:00:00 +0000] "GET /xff HTTP/1.1" 200 512 "-" "curl/8.0" """.TrimEnd());

        r.Host.Should().Be("203.0.113.9, 10.0.0.2");
        r.Ident.Should().Be("-");
        r.User.Should().Be("-");
        r.Path.Should().Be("/xff");
        r.Bytes.Should().Be(512);
        r.UserAgent.Should().Be("curl/8.0");
        Parse("""198.51.100.7, 203.0.113.9, 10.0.0.2 - bob [25/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 1""").Host
            .Should().Be("198.51.100.7, 203.0.113.9, 10.0.0.2");
        Malformed("203.0.113.9, ").Should().Contain("host, ident and user");
    }

    [Fact]
    public void Common_format()
    {
        LogRecord r = Parse("""140.180.132.213 - - [24/Feb/2008:00:08:59 -0600] "GET /ply/ply.html HTTP/1.1" 200 97238""");

        r.Host.Should().Be("140.180.132.213");
        r.Ident.Should().Be("-");
        r.User.Should().Be("-");
        r.Time.Should().Be(new DateTimeOffset(2008, 2, 24, 0, 8, 59, Chicago));
        r.Time.Offset.Should().Be(TimeSpan.FromHours(-6));
        r.Time.UtcDateTime.Should().Be(new DateTime(2008, 2, 24, 6, 8, 59, DateTimeKind.Utc));
        r.Method.Should().Be("GET");
        r.Path.Should().Be("/ply/ply.html");
        r.Protocol.Should().Be("HTTP/1.1");
        r.Status.Should().Be(200);
        r.Bytes.Should().Be(97238);
        r.Referrer.Should().BeNull();
        r.UserAgent.Should().BeNull();
        r.File.Should().Be("test.log");
        r.LineNumber.Should().Be(7);
    }

    [Fact]
    public void Combined_format_as_apache_documents_it()
    {
        const string line = """127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)" """;

        foreach (LogFormat format in new[] { LogFormat.Common, LogFormat.Combined, LogFormat.Auto })
        {
            LogRecord r = Parse(line.TrimEnd(), format);

            r.Host.Should().Be("127.0.0.1");
            r.Ident.Should().Be("-");
            r.User.Should().Be("frank");
            r.Time.Should().Be(new DateTimeOffset(2000, 10, 10, 13, 55, 36, TimeSpan.FromHours(-7)));
            r.Method.Should().Be("GET");
            r.Path.Should().Be("/apache_pb.gif");
            r.Protocol.Should().Be("HTTP/1.0");
            r.Status.Should().Be(200);
            r.Bytes.Should().Be(2326);
            r.Referrer.Should().Be("http://www.example.com/start.html");
            r.UserAgent.Should().Be("Mozilla/4.08 [en] (Win98; I ;Nav)");
        }
    }

    [Fact]
    public void Nginx_default_combined_lines()
    {
        LogRecord r = Parse("""192.168.1.10 - - [17/May/2015:08:05:32 +0000] "GET /downloads/product_1 HTTP/1.1" 304 0 "-" "Debian APT-HTTP/1.3 (0.8.16~exp12ubuntu10.21)" """.TrimEnd(), LogFormat.Combined);

        r.Host.Should().Be("192.168.1.10");
        r.User.Should().Be("-");
        r.Time.Should().Be(new DateTimeOffset(2015, 5, 17, 8, 5, 32, TimeSpan.Zero));
        r.Time.Offset.Should().Be(TimeSpan.Zero);
        r.Method.Should().Be("GET");
        r.Path.Should().Be("/downloads/product_1");
        r.Status.Should().Be(304);
        r.Bytes.Should().Be(0);
        r.Referrer.Should().Be("-", "an absent referrer is logged as \"-\" and read as written");
        r.UserAgent.Should().Be("Debian APT-HTTP/1.3 (0.8.16~exp12ubuntu10.21)");
    }

    [Fact]
    public void Nginx_line_with_an_authenticated_user_and_an_extra_trailing_field()
    {
        LogRecord r = Parse("""10.0.0.5 - alice [01/Jan/2024:23:59:59 +0100] "POST /api/v1/items?id=3&x=y HTTP/2.0" 201 512 "https://example.org/a?b=c" "curl/8.5.0" "203.0.113.9" """.TrimEnd(), LogFormat.Combined);

        r.User.Should().Be("alice");
        r.Method.Should().Be("POST");
        r.Path.Should().Be("/api/v1/items?id=3&x=y");
        r.Protocol.Should().Be("HTTP/2.0");
        r.Status.Should().Be(201);
        r.Bytes.Should().Be(512);
        r.Referrer.Should().Be("https://example.org/a?b=c");
        r.UserAgent.Should().Be("curl/8.5.0");
        r.Time.Offset.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Fields_after_a_tab_past_the_user_agent_are_passed_over()
    {
        // log_format with '...\t$request_time\t$upstream_addr': Combined, then its own fields after tabs.
        LogRecord r = Parse("10.0.0.5 - - [01/Jan/2024:23:59:59 +0100] \"GET /a HTTP/1.1\" 200 512 \"-\" \"Mozilla/5.0 (X11)\"\t0.123\t10.0.0.2:80", LogFormat.Combined);

        r.Path.Should().Be("/a");
        r.Status.Should().Be(200);
        r.Bytes.Should().Be(512);
        r.UserAgent.Should().Be("Mozilla/5.0 (X11)");
    }

    [Fact]
    public void Combined_format_requires_the_referrer_and_user_agent()
    {
        Malformed("""1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1" 200 10""", LogFormat.Combined)
            .Should().Contain("referrer").And.Contain("user agent");
    }

    [Fact]
    public void A_dash_request()
    {
        LogRecord r = Parse("""203.0.113.7 - - [24/Feb/2008:00:08:59 -0600] "-" 400 0""");

        r.Method.Should().BeEmpty();
        r.Path.Should().Be("-");
        r.Protocol.Should().BeEmpty();
        r.Status.Should().Be(400);
        r.Bytes.Should().Be(0);
    }

    [Fact]
    public void A_bare_path_request()
    {
        LogRecord r = Parse("""203.0.113.7 - - [24/Feb/2008:00:08:59 -0600] "/index.html" 200 12""");

        r.Method.Should().BeEmpty();
        r.Path.Should().Be("/index.html");
        r.Protocol.Should().BeEmpty();
    }

    [Fact]
    public void An_http09_request_without_a_protocol()
    {
        LogRecord r = Parse("""203.0.113.7 - - [24/Feb/2008:00:08:59 -0600] "GET /index.html" 200 12""");

        r.Method.Should().Be("GET");
        r.Path.Should().Be("/index.html");
        r.Protocol.Should().BeEmpty();
    }

    [Fact]
    public void A_garbage_request_keeps_what_was_there()
    {
        // A TLS handshake sent to a plain HTTP port, as nginx logs it.
        LogRecord tls = Parse("""198.51.100.4 - - [24/Feb/2008:00:08:59 -0600] "\x16\x03\x01\x00\xA5\x01\x00\x00\xA1\x03\x03" 400 166 "-" "-" """.TrimEnd());
        tls.Method.Should().BeEmpty();
        tls.Path.Should().Be("""\x16\x03\x01\x00\xA5\x01\x00\x00\xA1\x03\x03""");
        tls.Protocol.Should().BeEmpty();
        tls.Status.Should().Be(400);
        tls.UserAgent.Should().Be("-");

        LogRecord words = Parse("""198.51.100.4 - - [24/Feb/2008:00:08:59 -0600] "foo bar baz" 400 0""");
        words.Method.Should().Be("foo");
        words.Path.Should().Be("bar baz");
        words.Protocol.Should().BeEmpty();

        LogRecord empty = Parse("""198.51.100.4 - - [24/Feb/2008:00:08:59 -0600] "" 408 0""");
        empty.Method.Should().BeEmpty();
        empty.Path.Should().BeEmpty();
        empty.Protocol.Should().BeEmpty();
        empty.Status.Should().Be(408);
    }

    [Fact]
    public void A_path_with_spaces_keeps_them()
    {
        LogRecord r = Parse("""203.0.113.7 - - [24/Feb/2008:00:08:59 -0600] "GET /my docs/annual report 2008.pdf HTTP/1.1" 200 3000""");

        r.Method.Should().Be("GET");
        r.Path.Should().Be("/my docs/annual report 2008.pdf");
        r.Protocol.Should().Be("HTTP/1.1");
        r.Bytes.Should().Be(3000);
    }

    [Fact]
    public void Escaped_quotes_in_the_request_and_user_agent_do_not_end_the_field()
    {
        // Apache writes '"' inside a field as \" and a backslash as \\; the fields are kept as written.
        LogRecord r = Parse("""203.0.113.7 - - [24/Feb/2008:00:08:59 -0600] "GET /search?q=\"a b\" HTTP/1.1" 200 5 "http://x/?q=\"r\"" "Mozilla/5.0 \"Evil\" Bot \\" """.TrimEnd());

        r.Method.Should().Be("GET");
        r.Path.Should().Be("""/search?q=\"a b\" """.TrimEnd());
        r.Protocol.Should().Be("HTTP/1.1");
        r.Status.Should().Be(200);
        r.Bytes.Should().Be(5);
        r.Referrer.Should().Be("""http://x/?q=\"r\" """.TrimEnd());
        r.UserAgent.Should().Be("""Mozilla/5.0 \"Evil\" Bot \\""");
    }

    [Fact]
    public void An_unescaped_quote_inside_the_request_does_not_end_it_early()
    {
        // Apache before 2.0.46 wrote quotes unescaped: a quote ends the field only before a space or the end.
        LogRecord r = Parse("""203.0.113.7 - - [24/Feb/2008:00:08:59 -0600] "GET /a"b HTTP/1.0" 404 7""");

        r.Path.Should().Be("/a\"b");
        r.Status.Should().Be(404);
    }

    [Fact]
    public void Bytes_dash_is_zero()
    {
        LogRecord r = Parse("""122.117.168.219 - - [24/Feb/2008:02:15:07 -0600] "GET /ply/ HTTP/1.1" 304 -""");

        r.Status.Should().Be(304);
        r.Bytes.Should().Be(0);
    }

    [Fact]
    public void Bytes_dash_in_combined_format()
    {
        LogRecord r = Parse("""122.117.168.219 - - [24/Feb/2008:02:15:07 -0600] "GET /ply/ HTTP/1.1" 304 - "-" "Wget/1.21" """.TrimEnd(), LogFormat.Combined);

        r.Bytes.Should().Be(0);
        r.UserAgent.Should().Be("Wget/1.21");
    }

    [Fact]
    public void Status_dash_is_zero()
    {
        Parse("""203.0.113.7 - - [24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1" - 0""").Status.Should().Be(0);
    }

    [Fact]
    public void Large_byte_counts_do_not_overflow()
    {
        Parse("""203.0.113.7 - - [24/Feb/2008:00:08:59 -0600] "GET /big.iso HTTP/1.1" 200 8589934592""").Bytes.Should().Be(8_589_934_592L);
    }

    [Theory]
    [InlineData("24/Feb/2008:00:08:59.5 -0600", 500 * TimeSpan.TicksPerMillisecond)]
    [InlineData("24/Feb/2008:00:08:59.123 -0600", 123 * TimeSpan.TicksPerMillisecond)]
    [InlineData("24/Feb/2008:00:08:59.000001 -0600", 10)]
    [InlineData("24/Feb/2008:00:08:59.1234567 -0600", 1_234_567)]
    public void Fractional_seconds(string time, long fractionTicks)
    {
        LogRecord r = Parse($"1.2.3.4 - - [{time}] \"GET / HTTP/1.1\" 200 1");

        r.Time.Should().Be(new DateTimeOffset(2008, 2, 24, 0, 8, 59, Chicago).AddTicks(fractionTicks));
        r.Time.Offset.Should().Be(Chicago);
    }

    [Theory]
    [InlineData("-0600", -6, 0)]
    [InlineData("+0000", 0, 0)]
    [InlineData("-0000", 0, 0)]
    [InlineData("+0100", 1, 0)]
    [InlineData("+0530", 5, 30)]
    [InlineData("+0545", 5, 45)]
    [InlineData("-0930", -9, -30)]
    [InlineData("+1400", 14, 0)]
    [InlineData("-1200", -12, 0)]
    public void The_offset_is_kept(string offset, int hours, int minutes)
    {
        LogRecord r = Parse($"1.2.3.4 - - [24/Feb/2008:00:08:59 {offset}] \"GET / HTTP/1.1\" 200 1");

        var expectedOffset = new TimeSpan(hours, minutes, 0);
        r.Time.Offset.Should().Be(expectedOffset);
        r.Time.DateTime.Should().Be(new DateTime(2008, 2, 24, 0, 8, 59), "the clock time is the one written in the log");
        r.Time.UtcDateTime.Should().Be(new DateTime(2008, 2, 24, 0, 8, 59) - expectedOffset);
    }

    [Theory]
    [InlineData("2001:db8::1")]
    [InlineData("::1")]
    [InlineData("fe80::1ff:fe23:4567:890a%eth0")]
    [InlineData("2001:0db8:85a3:0000:0000:8a2e:0370:7334")]
    [InlineData("crawl-66-249-66-1.googlebot.com")]
    public void Hosts_other_than_ipv4(string host)
    {
        Parse($"{host} - - [24/Feb/2008:00:08:59 -0600] \"GET / HTTP/1.1\" 200 1").Host.Should().Be(host);
    }

    [Fact]
    public void Non_ascii_utf8_in_fields_is_decoded()
    {
        LogRecord r = Parse("""1.2.3.4 - jürgen [24/Feb/2008:00:08:59 -0600] "GET /café/naïve.html HTTP/1.1" 200 1 "-" "Браузер/1.0" """.TrimEnd());

        r.User.Should().Be("jürgen");
        r.Path.Should().Be("/café/naïve.html");
        r.UserAgent.Should().Be("Браузер/1.0");
    }

    [Fact]
    public void Blank_lines_are_skipped_not_malformed()
    {
        foreach (string blank in new[] { "", " ", "\t", " \t  " })
        {
            LineParser parser = LogFormat.Common.CreateParser();
            parser.Parse(new LogLine("f", 1, Encoding.UTF8.GetBytes(blank)), out LogRecord? record, out string? error)
                .Should().Be(LineResult.Skipped);
            record.Should().BeNull();
            error.Should().BeNull();
        }
    }

    [Theory]
    [InlineData("""1.2.3.4 - - 24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1" 200 1""", "'['")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:00:08:59 -0600 "GET / HTTP/1.1" 200 1""", "time")]
    [InlineData("""1.2.3.4 - - [24/Fex/2008:00:08:59 -0600] "GET / HTTP/1.1" 200 1""", "time")]
    [InlineData("""1.2.3.4 - - [31/Apr/2008:00:08:59 -0600] "GET / HTTP/1.1" 200 1""", "time")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:25:08:59 -0600] "GET / HTTP/1.1" 200 1""", "time")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:00:08] "GET / HTTP/1.1" 200 1""", "time")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:00:08:59 0600] "GET / HTTP/1.1" 200 1""", "time")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:00:08:59 -0600]"GET / HTTP/1.1" 200 1""", "quoted request")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] GET / HTTP/1.1 200 1""", "quoted request")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1 200 1""", "quoted request")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1" OK 1""", "status")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1" 2OO 1""", "status")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1" -200 1""", "status")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1"  200 1""", "status")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1" 200 12x""", "bytes")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1" 200 -5""", "bytes")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1" 200 1.5""", "bytes")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1" 200 99999999999999999999""", "bytes")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1" 200 1 "http://unterminated""", "unterminated quoted referrer")]
    [InlineData("""1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1" 200 1 "-" "Mozilla/5.0 (unterminated""", "unterminated quoted user agent")]
    [InlineData("1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] \"GET / HTTP/1.1\" 200 1 \"-\" \"ends in an escaped quote\\\"", "unterminated quoted user agent")]
    [InlineData("""1.2.3.4 [24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1" 200 1""", "'['")]
    [InlineData("""1.2.3.4  - - [24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1" 200 1""", "host, ident and user")]
    [InlineData("""GET /index.html HTTP/1.1""", "host, ident and user")]
    [InlineData("""just-one-token""", "host, ident and user")]
    [InlineData("""#Fields: date time c-ip cs-method""", "'['")]
    public void Malformed_lines_say_why(string line, string reason)
    {
        Malformed(line).Should().Contain(reason);
    }

    [Fact]
    public void Every_truncation_of_a_line_is_malformed_with_a_reason()
    {
        const string line = """140.180.132.213 - - [24/Feb/2008:00:08:59 -0600] "GET /ply/ply.html HTTP/1.1" 200 97238 "http://www.dabeaz.com/" "Mozilla/5.0 (X11)" """;
        string full = line.TrimEnd();
        int bytesField = full.IndexOf(" 97238", StringComparison.Ordinal) + 1;
        int referrer = full.IndexOf(" \"http", StringComparison.Ordinal) + 1;
        int referrerEnd = full.IndexOf("\" \"Mozilla", StringComparison.Ordinal) + 1;

        for (int length = 1; length < full.Length; length++)
        {
            string prefix = full[..length];
            // Common lines (ending after the bytes), and the referrer alone, which Common accepts.
            bool wellFormed = (length > bytesField && length <= referrer) || length == referrerEnd || length == referrerEnd + 1;
            if (string.IsNullOrWhiteSpace(prefix) || wellFormed)
            {
                continue;
            }

            Malformed(prefix).Should().NotBeNullOrWhiteSpace($"'{prefix}' is cut short");
        }

        // Cut right after the status, the reason is the missing byte count, not the status.
        Malformed(full[..(bytesField - 1)]).Should().Contain("bytes");
        Malformed(full[..bytesField]).Should().Contain("bytes");
        Malformed(full[..(referrer + 1)]).Should().Contain("referrer");
        Malformed(full[..^1]).Should().Contain("user agent");
    }

    [Fact]
    public void Prefixes_that_end_after_the_bytes_are_common_lines()
    {
        Parse("""1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1" 200 97""").Bytes.Should().Be(97);
        Parse("""1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] "GET / HTTP/1.1" 200 97 """).Bytes.Should().Be(97);
    }

    [Fact]
    public void Binary_noise_lines_are_malformed_not_exceptions()
    {
        var random = new Random(1234);
        int malformed = 0;
        for (int i = 0; i < 20_000; i++)
        {
            byte[] line = new byte[random.Next(1, 400)];
            random.NextBytes(line);
            LineParser parser = LogFormat.Auto.CreateParser();
            LineResult result = parser.Parse(new LogLine("noise", i + 1, line), out _, out string? error);
            if (result == LineResult.Malformed)
            {
                error.Should().NotBeNullOrWhiteSpace();
                malformed++;
            }
        }

        malformed.Should().BeGreaterThan(19_000);
    }

    [Fact]
    public void Mutations_of_good_lines_never_throw()
    {
        byte[][] seeds =
        [
            Encoding.UTF8.GetBytes("""140.180.132.213 - - [24/Feb/2008:00:08:59 -0600] "GET /ply/ply.html HTTP/1.1" 200 97238"""),
            Encoding.UTF8.GetBytes("""::1 - bob [01/Jan/0001:00:00:00.999 +1400] "GET /a\"b HTTP/1.0" - - "-" "UA \\" """),
            Encoding.UTF8.GetBytes("""1.2.3.4 - - [31/Dec/9999:23:59:59 -1200] "" 200 1 "" "" """),
        ];
        byte[] alphabet = "[]\" \\-+:/.0123456789abcdefghJFMASOND\t\r\u00ff"u8.ToArray();
        var random = new Random(99);
        for (int i = 0; i < 50_000; i++)
        {
            byte[] line = (byte[])seeds[i % seeds.Length].Clone();
            int edits = random.Next(1, 4);
            for (int e = 0; e < edits; e++)
            {
                line[random.Next(line.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            int length = random.Next(4) == 0 ? random.Next(line.Length + 1) : line.Length;
            var act = () => LogFormat.Common.CreateParser().Parse(new LogLine("m", 1, line.AsMemory(0, length)), out _, out _);
            act.Should().NotThrow("mutation of '{0}'", Encoding.UTF8.GetString(line, 0, length));
        }
    }

    [Fact]
    public void The_parser_gives_field_ranges_into_the_line()
    {
        byte[] line = """h - u [24/Feb/2008:00:08:59 -0600] "GET /p HTTP/1.1" 200 5 "r" "a" """u8.ToArray()[..^1];

        CommonLogParser.TryParse(line, out CommonLogFields f, out string? error).Should().BeTrue(error);

        Encoding.ASCII.GetString(f.Host.Of(line)).Should().Be("h");
        Encoding.ASCII.GetString(f.Ident.Of(line)).Should().Be("-");
        Encoding.ASCII.GetString(f.User.Of(line)).Should().Be("u");
        Encoding.ASCII.GetString(f.Request.Of(line)).Should().Be("GET /p HTTP/1.1");
        Encoding.ASCII.GetString(f.Method(line).Of(line)).Should().Be("GET");
        Encoding.ASCII.GetString(f.Path(line).Of(line)).Should().Be("/p");
        Encoding.ASCII.GetString(f.Protocol(line).Of(line)).Should().Be("HTTP/1.1");
        Encoding.ASCII.GetString(f.Referrer.Of(line)).Should().Be("r");
        Encoding.ASCII.GetString(f.UserAgent.Of(line)).Should().Be("a");
        f.Status.Should().Be(200);
        f.Bytes.Should().Be(5);
    }

    [Fact]
    public void Common_lines_have_no_referrer_or_user_agent_ranges()
    {
        byte[] line = """h - u [24/Feb/2008:00:08:59 -0600] "GET /p HTTP/1.1" 200 5"""u8.ToArray();

        CommonLogParser.TryParse(line, out CommonLogFields f, out _).Should().BeTrue();

        f.Referrer.IsNone.Should().BeTrue();
        f.UserAgent.IsNone.Should().BeTrue();
    }

    [Theory]
    [InlineData("200", 200)]
    [InlineData("404", 404)]
    [InlineData("-", 0)]
    public void Status_values(string text, int expected)
    {
        CommonLogParser.TryParseStatus(Encoding.ASCII.GetBytes(text), out int status).Should().BeTrue();
        status.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("20x")]
    [InlineData("-1")]
    [InlineData("--")]
    [InlineData("2 0")]
    public void Bad_status_values(string text)
    {
        CommonLogParser.TryParseStatus(Encoding.ASCII.GetBytes(text), out _).Should().BeFalse();
    }

    [Fact]
    public void A_dash_status_followed_by_dash_bytes_is_a_record()
    {
        // Found by the differential tests: "- -" is three bytes and a space, like a status is.
        byte[] line = """1.2.3.4 - - [23/Feb/2008:20:33:13 -0600] "GET /x HTTP/1.1" - - "" "agent" """u8.ToArray()[..^1];

        CommonLogParser.TryParse(line, out CommonLogFields f, out string? error).Should().BeTrue(error);

        f.Status.Should().Be(0);
        f.Bytes.Should().Be(0);
        Encoding.ASCII.GetString(f.UserAgent.Of(line)).Should().Be("agent");
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("97238", 97238L)]
    [InlineData("-", 0L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Byte_values(string text, long expected)
    {
        CommonLogParser.TryParseBytes(Encoding.ASCII.GetBytes(text), out long bytes).Should().BeTrue();
        bytes.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("-7")]
    [InlineData("1e3")]
    [InlineData("9223372036854775808")]
    public void Bad_byte_values(string text)
    {
        CommonLogParser.TryParseBytes(Encoding.ASCII.GetBytes(text), out _).Should().BeFalse();
    }
}

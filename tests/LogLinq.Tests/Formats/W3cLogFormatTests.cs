using System.Text;
using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

public sealed class W3cLogFormatTests : IDisposable
{
    // As IIS 10 writes it: CRLF line ends, a header block, then a second block when the logged
    // fields were changed (IIS starts a new block rather than a new file), which has no date field.
    private const string IisLog =
        "#Software: Microsoft Internet Information Services 10.0\r\n" +
        "#Version: 1.0\r\n" +
        "#Date: 2024-03-01 00:00:07\r\n" +
        "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n" +
        "2024-03-01 00:00:07 10.0.0.4 GET /default.aspx - 443 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/122.0.0.0+Safari/537.36 https://www.example.com/ 200 0 0 46\r\n" +
        "2024-03-01 00:00:09 10.0.0.4 POST /api/orders id=42&lang=en 443 CONTOSO\\jdoe 198.51.100.23 curl/8.4.0 - 201 0 0 120\r\n" +
        "2024-03-01 00:01:15 10.0.0.4 GET /missing.png - 80 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0) https://www.example.com/default.aspx 404 0 2 3\r\n" +
        "#Software: Microsoft Internet Information Services 10.0\r\n" +
        "#Version: 1.0\r\n" +
        "#Date: 2024-03-01 01:00:00\r\n" +
        "#Fields: time c-ip cs-method cs-uri-stem sc-status sc-bytes cs-version\r\n" +
        "01:02:03 192.0.2.10 GET /robots.txt 200 1234 HTTP/1.1\r\n" +
        "01:02:04.5 192.0.2.10 GET /sitemap.xml 304 - HTTP/2.0\r\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("loglinq-w3c-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Is_registered_by_name()
    {
        LogFormat.FromName("w3c").Should().BeSameAs(LogFormat.W3c);
        LogFormat.FromName("W3C").Should().BeSameAs(LogFormat.W3c);
        LogFormat.Names.Should().Contain("w3c");
    }

    [Fact]
    public void Reads_an_iis_file_through_the_pipeline()
    {
        string path = WriteFile("u_ex240301.log", IisLog);
        var report = new ParseReport();

        List<LogRecord> records = [.. new[] { path }.Open().Cat().Parse(LogFormat.W3c, report)];

        records.Should().HaveCount(5);
        report.Records.Should().Be(5);
        report.Malformed.Should().Be(0);

        LogRecord first = records[0];
        first.Time.Should().Be(new DateTimeOffset(2024, 3, 1, 0, 0, 7, TimeSpan.Zero));
        first.Time.Offset.Should().Be(TimeSpan.Zero);
        first.Host.Should().Be("203.0.113.7");
        first.User.Should().Be("-");
        first.Method.Should().Be("GET");
        first.Path.Should().Be("/default.aspx");
        first.Protocol.Should().Be("");
        first.Status.Should().Be(200);
        first.Bytes.Should().Be(0);
        first.Referrer.Should().Be("https://www.example.com/");
        first.UserAgent.Should().Be("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36");
        first.File.Should().Be(path);
        first.LineNumber.Should().Be(5);

        LogRecord second = records[1];
        second.Time.Should().Be(new DateTimeOffset(2024, 3, 1, 0, 0, 9, TimeSpan.Zero));
        second.Method.Should().Be("POST");
        second.Path.Should().Be("/api/orders?id=42&lang=en");
        second.User.Should().Be("CONTOSO\\jdoe");
        second.Host.Should().Be("198.51.100.23");
        second.UserAgent.Should().Be("curl/8.4.0");
        second.Referrer.Should().Be("-");
        second.Status.Should().Be(201);

        records[2].Status.Should().Be(404);
        records[2].Path.Should().Be("/missing.png");
        records[2].UserAgent.Should().Be("Mozilla/5.0 (Windows NT 10.0)");
        records[2].Referrer.Should().Be("https://www.example.com/default.aspx");
    }

    [Fact]
    public void A_new_fields_directive_remaps_the_lines_after_it()
    {
        string path = WriteFile("u_ex240301.log", IisLog);

        List<LogRecord> records = [.. new[] { path }.Open().Cat().Parse(LogFormat.W3c)];

        LogRecord robots = records[3];
        robots.LineNumber.Should().Be(12);
        robots.Time.Should().Be(new DateTimeOffset(2024, 3, 1, 1, 2, 3, TimeSpan.Zero), "the block has no date field, so the #Date: directive's date is used");
        robots.Host.Should().Be("192.0.2.10");
        robots.Method.Should().Be("GET");
        robots.Path.Should().Be("/robots.txt");
        robots.Status.Should().Be(200);
        robots.Bytes.Should().Be(1234);
        robots.Protocol.Should().Be("HTTP/1.1");
        robots.User.Should().Be("-");
        robots.Referrer.Should().BeNull("the block logs no referrer");
        robots.UserAgent.Should().BeNull("the block logs no user agent");

        LogRecord sitemap = records[4];
        sitemap.Time.Should().Be(new DateTimeOffset(2024, 3, 1, 1, 2, 4, 500, TimeSpan.Zero));
        sitemap.Status.Should().Be(304);
        sitemap.Bytes.Should().Be(0, "'-' bytes is nothing sent");
        sitemap.Protocol.Should().Be("HTTP/2.0");
    }

    [Fact]
    public void Malformed_lines_are_counted_with_their_reasons()
    {
        string path = WriteFile(
            "bad.log",
            "2024-03-01 00:00:01 GET / 200\n" +
            "#Software: Microsoft Internet Information Services 10.0\n" +
            "#Fields: date time cs-method cs-uri-stem sc-status\n" +
            "2024-03-01 00:00:02 GET / 200\n" +
            "2024-03-01 00:00:03 GET / 200 extra\n" +
            "2024-03-01 00:00:04 GET /\n" +
            "2024-03-01 00:00:05 GET / OK\n" +
            "2024-02-30 00:00:06 GET / 200\n" +
            "2024-03-01 25:00:07 GET / 200\n" +
            "\n" +
            "2024-03-01 00:00:08 GET /last 200\n");
        var report = new ParseReport();

        List<LogRecord> records = [.. new[] { path }.Open().Cat().Parse(LogFormat.W3c, report)];

        records.Select(r => r.Path).Should().Equal("/", "/last");
        report.Records.Should().Be(2);
        report.Malformed.Should().Be(6);
        report.MalformedByFile.Should().Equal(new Dictionary<string, long> { [path] = 6 });
        report.Samples.Should().Equal(
            new MalformedLine(path, 1, "no #Fields: header before this line"),
            new MalformedLine(path, 5, "expected 5 fields, as the #Fields: header lists ('date time cs-method cs-uri-stem sc-status'), found 6"),
            new MalformedLine(path, 6, "expected 5 fields, as the #Fields: header lists ('date time cs-method cs-uri-stem sc-status'), found 4"),
            new MalformedLine(path, 7, "expected a numeric status in sc-status, found 'OK'"),
            new MalformedLine(path, 8, "expected a date like 2024-03-01 in the date field, found '2024-02-30'"),
            new MalformedLine(path, 9, "expected a time like 12:34:56 in the time field, found '25:00:07'"));
    }

    [Fact]
    public void Strict_mode_stops_at_the_first_malformed_line()
    {
        string path = WriteFile("strict.log", "#Fields: date time sc-status\n2024-03-01 00:00:01 200\n2024-03-01 00:00:02\n");

        Action scan = () => new[] { path }.Open().Cat().Parse(LogFormat.W3c, strict: true).ToList();

        scan.Should().Throw<MalformedLogException>()
            .Which.Line.Should().Be(new MalformedLine(path, 3, "expected 3 fields, as the #Fields: header lists ('date time sc-status'), found 2"));
    }

    [Fact]
    public void A_byte_order_mark_before_the_first_directive_is_ignored()
    {
        string path = WriteFile("bom.log", "\uFEFF#Fields: date time c-ip sc-status\n2024-03-01 10:00:00 192.0.2.1 500\n");
        File.ReadAllBytes(path).Take(3).Should().Equal(0xEF, 0xBB, 0xBF);

        var report = new ParseReport();
        List<LogRecord> records = [.. new[] { path }.Open().Cat().Parse(LogFormat.W3c, report)];

        report.Malformed.Should().Be(0);
        records.Should().ContainSingle().Which.Status.Should().Be(500);
    }

    [Fact]
    public void Directives_are_not_records()
    {
        Parse(
            "#Software: Microsoft Internet Information Services 10.0",
            "#Version: 1.0",
            "#Date: 2024-03-01 00:00:00",
            "#Remark: rotated",
            "#Start-Date: 2024-03-01 00:00:00")
            .Should().AllSatisfy(r => r.Result.Should().Be(LineResult.Skipped));
    }

    [Fact]
    public void Field_names_are_matched_without_regard_to_case()
    {
        var results = Parse("#Fields: DATE Time C-IP cs(user-agent) SC-STATUS", "2024-03-01 00:00:01 192.0.2.1 Wget/1.21 418");

        LogRecord record = results[1].Record!;
        record.Host.Should().Be("192.0.2.1");
        record.UserAgent.Should().Be("Wget/1.21");
        record.Status.Should().Be(418);
    }

    [Fact]
    public void Without_a_date_field_or_directive_a_line_has_no_date()
    {
        var results = Parse("#Fields: time c-ip sc-status", "00:00:01 192.0.2.1 200");

        results[1].Result.Should().Be(LineResult.Malformed);
        results[1].Error.Should().Be("no date: the #Fields: header has no date field and no #Date: directive came before this line");
    }

    [Fact]
    public void A_header_without_a_time_field_makes_its_lines_malformed()
    {
        var results = Parse("#Fields: date c-ip sc-status", "2024-03-01 192.0.2.1 200");

        results[1].Error.Should().Be("no time: the #Fields: header ('date c-ip sc-status') has no time field");
    }

    [Fact]
    public void An_empty_fields_directive_is_malformed_and_forgets_the_previous_layout()
    {
        var results = Parse("#Fields: date time sc-status", "#Fields:", "2024-03-01 00:00:01 200");

        results[1].Result.Should().Be(LineResult.Malformed);
        results[1].Error.Should().Be("the #Fields: directive lists no fields");
        results[2].Error.Should().Be("no #Fields: header before this line");
    }

    [Fact]
    public void A_bad_date_directive_is_malformed()
    {
        var results = Parse("#Date: March 1st");

        results[0].Result.Should().Be(LineResult.Malformed);
        results[0].Error.Should().Be("expected a date like 2024-03-01 in the #Date: directive, found 'March 1st'");
    }

    [Fact]
    public void A_full_uri_field_stands_for_the_path()
    {
        var results = Parse("#Fields: date time cs-uri sc-status", "2024-03-01 00:00:01 /a/b?c=d 200");

        results[1].Record!.Path.Should().Be("/a/b?c=d");
    }

    [Fact]
    public void A_long_query_is_joined_to_its_stem()
    {
        string query = string.Concat(Enumerable.Repeat("key=value&", 100)) + "end=1";
        var results = Parse("#Fields: date time cs-uri-stem cs-uri-query", $"2024-03-01 00:00:01 /search {query}");

        results[1].Record!.Path.Should().Be("/search?" + query);
    }

    [Fact]
    public void Non_ascii_text_is_decoded_as_utf8()
    {
        var results = Parse("#Fields: date time cs-uri-stem cs(User-Agent)", "2024-03-01 00:00:01 /café Bücher+Agent/1.0");

        results[1].Record!.Path.Should().Be("/café");
        results[1].Record!.UserAgent.Should().Be("Bücher Agent/1.0");
    }

    [Fact]
    public void Reads_cs_host_as_the_virtual_host()
    {
        string path = WriteFile(
            "vhosts.log",
            "#Fields: date time c-ip cs-host cs-method cs-uri-stem sc-status\n"
            + "2024-03-01 10:00:00 192.0.2.1 www.example.com GET / 200\n"
            + "2024-03-01 10:00:01 192.0.2.2 - GET /x 404\n"
            + "#Fields: date time c-ip cs-method cs-uri-stem sc-status\n"
            + "2024-03-01 10:00:02 192.0.2.3 GET /y 200\n");

        List<LogRecord> records = [.. new[] { path }.Open().Cat().Parse(LogFormat.W3c)];

        records.Select(r => r.VirtualHost).Should().Equal("www.example.com", "-", null);
        records.Select(r => r.Host).Should().Equal("192.0.2.1", "192.0.2.2", "192.0.2.3");
    }

    [Fact]
    public void Reads_a_cloudfront_log_tab_separated_with_the_host_header_as_the_virtual_host()
    {
        // CloudFront's standard log: W3C directives, tab-separated fields, the Host header as cs(Host).
        string path = WriteFile(
            "cloudfront.log",
            "#Version: 1.0\n"
            + "#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query\n"
            + "2019-12-04\t21:02:31\tLAX1\t392\t192.0.2.100\tGET\td111111abcdef8.cloudfront.net\t/index.html\t200\t-\tcurl/8.0\t-\n"
            + "2019-12-04\t21:02:32\tLAX1\t7\t192.0.2.101\tGET\td111111abcdef8.cloudfront.net\t/favicon.ico\t404\t-\tcurl/8.0\t-\n");

        List<LogRecord> records = [.. new[] { path }.Open().Cat().Parse(LogFormat.Auto)];

        records.Select(r => r.VirtualHost).Should().Equal("d111111abcdef8.cloudfront.net", "d111111abcdef8.cloudfront.net");
        records.Select(r => r.Host).Should().Equal("192.0.2.100", "192.0.2.101");
        records.Select(r => r.Path).Should().Equal("/index.html", "/favicon.ico");
        records.Select(r => r.Status).Should().Equal(200, 404);
        records.Select(r => r.Bytes).Should().Equal(392L, 7L);
    }

    [Fact]
    public void Reads_cloudfronts_protocol_version_and_its_percent_encoded_user_agent()
    {
        // CloudFront percent-encodes a header's value: %20 is a space, a '+' stays one.
        string path = WriteFile(
            "cloudfront.log",
            "#Version: 1.0\n"
            + "#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs-protocol-version\n"
            + "2019-12-04\t21:02:31\tLAX1\t392\t192.0.2.100\tGET\td111111abcdef8.cloudfront.net\t/robots.txt\t200\t-\tMozilla/5.0%20(compatible;%20Googlebot/2.1;%20+http://www.google.com/bot.html)\t-\tHTTP/2.0\n");

        LogRecord record = new[] { path }.Open().Cat().Parse(LogFormat.Auto).Single();

        record.UserAgent.Should().Be("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        record.Protocol.Should().Be("HTTP/2.0");
    }

    [Fact]
    public void A_big_file_named_w3c_is_cut_into_ranges_each_read_with_the_fields_directive_before_them()
    {
        // Over twice the (small) part size: a range read without the head's #Fields: directive would
        // make every line of it malformed.
        var text = new StringBuilder("#Fields: date time c-ip cs-method cs-uri-stem sc-status sc-bytes\n");
        const int Lines = 6000;
        for (int i = 0; i < Lines; i++)
        {
            text.Append($"2024-03-01 00:{i / 60 % 60:D2}:{i % 60:D2} 192.0.2.{i % 250} GET /page{i % 50}.html {(i % 4 == 0 ? 404 : 200)} {i}\n");
        }

        string path = WriteFile("u_ex240301.log", text.ToString());
        new FileInfo(path).Length.Should().BeGreaterThan(2 * 64 * 1024);
        foreach (LogFormat format in new[] { LogFormat.W3c, LogFormat.Auto })
        {
            var report = new ParseReport();
            var options = new LogSourceOptions { MaxDegreeOfParallelism = 2, MinPartSize = 64 * 1024, Format = format, Report = report };

            LogSource.Open(path, options).Count(r => r.Status == 404).Should().Be(Lines / 4, $"read as {format}");
            LogSource.Open(path, options).Select(r => r.Bytes).ToList().Should().HaveCount(Lines);
            report.Malformed.Should().Be(0);
        }
    }

    private string WriteFile(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private static List<(LineResult Result, LogRecord? Record, string? Error)> Parse(params string[] lines) => ParsedLines.Of(LogFormat.W3c, "memory.log", lines);
}

using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// <see cref="LogRecord.Duration"/> in each format that records it, from lines in the shapes of the
/// vendors' documentation. Every expected value is worked out here by hand from the line's text, and
/// each file is read both ways a record is made: the pull pipeline's <c>Parse</c> and the query
/// provider's scan (a parser's fields, no record until one is asked for).
/// </summary>
public sealed class DurationFieldTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Iis_time_taken_is_whole_milliseconds()
    {
        string log =
            "#Software: Microsoft Internet Information Services 10.0\r\n" +
            "#Version: 1.0\r\n" +
            "#Date: 2024-03-01 00:00:07\r\n" +
            "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n" +
            "2024-03-01 00:00:07 10.0.0.4 GET /default.aspx - 443 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0) - 200 0 0 46\r\n" +
            "2024-03-01 00:00:09 10.0.0.4 POST /api/orders id=42 443 CONTOSO\\jdoe 198.51.100.23 curl/8.4.0 - 201 0 0 15032\r\n" +
            "2024-03-01 00:01:15 10.0.0.4 GET /missing.png - 80 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0) - 404 0 2 0\r\n" +
            "2024-03-01 00:01:16 10.0.0.4 GET /ping - 80 - 203.0.113.7 curl/8.4.0 - 200 0 0 -\r\n" +
            "#Fields: date time c-ip cs-method cs-uri-stem sc-status\r\n" +
            "2024-03-01 00:02:00 192.0.2.10 GET /robots.txt 200\r\n";

        Durations("u_ex240301.log", log, LogFormat.W3c).Should().Equal(
            TimeSpan.FromMilliseconds(46),
            TimeSpan.FromSeconds(15) + TimeSpan.FromMilliseconds(32),
            TimeSpan.Zero,
            null, // "-"
            null); // a block whose #Fields: has no time-taken
    }

    [Fact]
    public void Cloudfront_time_taken_is_seconds()
    {
        // The 33 fields of CloudFront's standard log, tab-separated, as its documentation lists them.
        string fields = "date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) "
            + "x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher "
            + "x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type "
            + "sc-content-type sc-content-len sc-range-start sc-range-end";
        string Line(string time, string timeTaken) => string.Join('\t',
            "2019-12-04", time, "SEA19-C1", "391", "192.0.2.200", "GET", "d111111abcdef8.cloudfront.net", "/index.html", "200", "-",
            "Mozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)", "-", "-", "Hit", "SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==",
            "d111111abcdef8.cloudfront.net", "https", "23", timeTaken, "-", "TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256", "Hit", "HTTP/2.0",
            "-", "-", "11040", "0.001", "Hit", "text/html", "78", "-", "-");

        string log = "#Version: 1.0\n#Fields: " + fields + "\n"
            + Line("21:02:31", "0.001") + "\n"
            + Line("21:02:32", "0.082") + "\n"
            + Line("21:02:33", "12.5") + "\n"
            + Line("21:02:34", "3") + "\n"; // whole seconds: CloudFront's, told by x-edge-location

        Durations("E2K2LNL5N3WR51.2019-12-04-21.9a8b7c6d.log", log, LogFormat.W3c).Should().Equal(
            TimeSpan.FromMilliseconds(1),
            TimeSpan.FromMilliseconds(82),
            TimeSpan.FromMilliseconds(12_500),
            TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void A_load_balancers_duration_is_its_three_processing_times_added()
    {
        string log =
            // Application: 0.000 + 0.001 + 0.000 s.
            """http 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.46.0" - - arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe354" "-" "-" 0 2018-07-02T22:22:48.364000Z "forward" "-" "-" "10.0.0.1:80" "200" "-" "-" TID_1""" + "\n"
            // 0.086 + 0.048 + 0.037 s.
            + """https 2018-07-02T22:23:02.000000Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2818 10.0.0.1:80 0.086 0.048 0.037 200 200 0 57 "GET https://shop.example:443/api/items?id=3 HTTP/1.1" "Mozilla/5.0 (X11; Linux x86_64)" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:x "Root=1-3" "shop.example" "-" 1 2018-07-02T22:22:48.364000Z "forward" "-" "-" "10.0.0.1:80" "200" "-" "-" TID_1""" + "\n"
            // The target closed the connection before answering: -1 for the target's and the response's time.
            + """https 2018-07-02T22:23:03.000000Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.40:2819 10.0.0.1:80 0.001 -1 -1 502 - 0 0 "POST https://shop.example:443/api/orders HTTP/1.1" "okhttp/4.12.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:x "Root=1-4" "shop.example" "-" 1 2018-07-02T22:22:48.364000Z "forward" "-" "-" "10.0.0.1:80" "-" "-" "-" TID_1""" + "\n"
            // Classic: 0.000073 + 0.001048 + 0.000057 s = 0.001178 s, 11,780 ticks.
            + """2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.000073 0.001048 0.000057 200 200 0 29 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.38.0" - -""" + "\n";

        Durations("elb.log", log, LogFormat.Elb).Should().Equal(
            TimeSpan.FromMilliseconds(1),
            TimeSpan.FromMilliseconds(171),
            null,
            TimeSpan.FromTicks(11_780));
    }

    [Fact]
    public void Haproxys_duration_is_its_last_timer()
    {
        string log =
            // The configuration manual's example: Tq/Tw/Tc/Tr/Tt 10/0/30/69/109.
            """Feb  6 12:14:14 localhost haproxy[14389]: 10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 {1wt.eu} {} "GET /index.html HTTP/1.1" """ + "\n"
            // A request HAProxy could not parse: the client's phases never happened, the total did.
            + """Feb  6 12:12:56 localhost haproxy[14387]: 10.0.1.2:33320 [06/Feb/2009:12:12:56.443] http-in px/<NOSRV> -1/-1/-1/-1/8 400 187 - - PR-- 1/1/0/0/0 0/0 "<BADREQ>" """ + "\n"
            // option logasap: logged before the end, the time so far after a '+'.
            + """Feb  6 12:14:15 localhost haproxy[14389]: 10.0.1.3:33318 [06/Feb/2009:12:14:15.001] http-in static/srv1 9/0/7/14/+30 200 +243 - - ---- 3/3/3/1/0 0/0 "GET /image.iso HTTP/1.0" """ + "\n"
            // The TCP format: Tw/Tc/Tt 0/0/5007.
            + "Feb  6 12:12:51 localhost haproxy[14387]: 10.0.1.2:33313 [06/Feb/2009:12:12:51.443] fnt bck/srv1 0/0/5007 212 -- 0/0/0/0/3 0/0\n"
            // No total known.
            + """Feb  6 12:14:16 localhost haproxy[14389]: 10.0.1.4:33319 [06/Feb/2009:12:14:16.000] http-in static/srv1 -1/-1/-1/-1/-1 -1 0 - - CR-- 1/1/1/1/0 0/0 "GET / HTTP/1.1" """ + "\n";

        Durations("haproxy.log", log, LogFormat.Haproxy).Should().Equal(
            TimeSpan.FromMilliseconds(109),
            TimeSpan.FromMilliseconds(8),
            TimeSpan.FromMilliseconds(30),
            TimeSpan.FromMilliseconds(5007),
            null);
    }

    [Fact]
    public void Squids_duration_is_its_elapsed_milliseconds()
    {
        string log =
            "1286536308.779    180 192.168.0.224 TCP_MISS/200 411 GET http://liveupdate.symantecliveupdate.com/minitri.flg - DIRECT/125.23.216.203 text/plain\n"
            + "1286536309.586    921 192.168.0.68 TCP_MISS/200 507 GET http://www.google.com/ - DIRECT/74.125.45.104 text/html\n"
            + "1286536310.002  60004 192.168.0.68 TCP_TUNNEL/200 4321 CONNECT mail.example.com:443 - HIER_DIRECT/203.0.113.5 -\n";

        Durations("access.log", log, LogFormat.Squid).Should().Equal(
            TimeSpan.FromMilliseconds(180),
            TimeSpan.FromMilliseconds(921),
            TimeSpan.FromSeconds(60) + TimeSpan.FromMilliseconds(4));
    }

    [Fact]
    public void S3s_duration_is_its_total_time()
    {
        const string Owner = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
        string log =
            // Total Time 7 and 11 ms, as in the documentation's examples; then one S3 could not time ('-').
            $"""{Owner} amzn-s3-demo-bucket1 [06/Feb/2019:00:00:38 +0000] 192.0.2.3 {Owner} 3E57427F3EXAMPLE REST.GET.VERSIONING - "GET /amzn-s3-demo-bucket1?versioning HTTP/1.1" 200 - 113 - 7 - "-" "S3Console/0.4" - s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com TLSV1.2 - -""" + "\n"
            + $"""{Owner} amzn-s3-demo-bucket1 [06/Feb/2019:00:00:38 +0000] 192.0.2.3 {Owner} 891CE47D2EXAMPLE REST.GET.LOGGING_STATUS - "GET /amzn-s3-demo-bucket1?logging HTTP/1.1" 200 - 242 - 11 - "-" "S3Console/0.4" - 9vKBE6vMhrNiWHZmb2L0mXOcqPGzQOI5XLnCtZNPxev+Hf+7tpT6sxDwDty4LHBUOZJG96N1234= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com TLSV1.2 - -""" + "\n"
            + $"""{Owner} amzn-s3-demo-bucket1 [06/Feb/2019:00:00:39 +0000] 192.0.2.3 {Owner} A1206F460EXAMPLE REST.GET.BUCKETPOLICY - "GET /amzn-s3-demo-bucket1?policy HTTP/1.1" 404 NoSuchBucketPolicy 297 - - - "-" "S3Console/0.4" - BNaBsXZQQDbssi6xMBdBU2sLt+Yf5kZDmeBUP35sFoKa3sLLeMC78iwEIWxs99CRUrbS4n11234= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com TLSV1.2 - -""" + "\n";

        Durations("2019-02-06-00-00-38-5A7A8C0EXAMPLE", log, LogFormat.S3).Should().Equal(
            TimeSpan.FromMilliseconds(7),
            TimeSpan.FromMilliseconds(11),
            null);
    }

    [Fact]
    public void Json_lines_take_the_duration_keys_whose_unit_is_known()
    {
        string log =
            // nginx, log_format escape=json: every variable a string; $request_time in seconds.
            """{"time_local":"26/Nov/2026:10:00:00 +0000","remote_addr":"192.0.2.1","request":"GET / HTTP/1.1","status":"200","body_bytes_sent":"612","request_time":"0.123"}""" + "\n"
            // The same as a number.
            + """{"time_iso8601":"2026-11-26T10:00:01+00:00","remote_addr":"192.0.2.1","request":"GET /a HTTP/1.1","status":200,"body_bytes_sent":5,"request_time":2.5}""" + "\n"
            // Caddy: seconds as a float, beside its request object: 0.000929675 s is 9,296.75 ticks, rounded to 9,297.
            + """{"level":"info","ts":1646861401.5241024,"logger":"http.log.access.log0","msg":"handled request","request":{"remote_ip":"127.0.0.1","remote_port":"41342","client_ip":"127.0.0.1","proto":"HTTP/2.0","method":"GET","host":"localhost","uri":"/","headers":{"User-Agent":["curl/7.82.0"],"Accept":["*/*"]}},"bytes_read":0,"user_id":"","duration":0.000929675,"size":10900,"status":200,"resp_headers":{"Server":["Caddy"]}}""" + "\n"
            // Traefik: Duration in nanoseconds; 2,345,678 ns is 23,456.78 ticks, rounded to 23,457.
            + """{"ClientAddr":"192.168.1.10:54321","ClientHost":"192.168.1.10","DownstreamContentSize":1234,"DownstreamStatus":200,"Duration":2345678,"RequestMethod":"GET","RequestPath":"/api","RequestProtocol":"HTTP/1.1","StartUTC":"2026-11-26T10:00:02.5Z","time":"2026-11-26T10:00:03Z"}""" + "\n"
            // Envoy's duration is milliseconds where Caddy's is seconds: a bare number without Caddy's request object is not read.
            + """{"start_time":"2026-11-26T10:00:04.000Z","method":"GET","path":"/","protocol":"HTTP/1.1","response_code":200,"bytes_sent":10,"duration":35}""" + "\n"
            // Go's duration text is read under duration, whatever the logger.
            + """{"time":"2026-11-26T10:00:05Z","status":200,"path":"/b","duration":"1.5s"}""" + "\n"
            // The Elastic Common Schema: event.duration in nanoseconds.
            + """{"@timestamp":"2026-11-26T10:00:06Z","http":{"response":{"status_code":200}},"url":{"original":"/c"},"event":{"duration":1500000000}}""" + "\n"
            // Google Cloud's httpRequest.latency, protobuf's Duration in JSON.
            + """{"timestamp":"2026-11-26T10:00:07Z","httpRequest":{"requestMethod":"GET","requestUrl":"/d","status":200,"latency":"0.250s"}}""" + "\n"
            // A duration key whose value is no duration: the request is still one, its duration unknown.
            + """{"time":"2026-11-26T10:00:08Z","status":200,"path":"/e","request_time":"fast"}""" + "\n"
            // Beside a request object, a bare number under another key than duration is no Caddy's.
            + """{"time":"2026-11-26T10:00:09Z","status":200,"request":{"uri":"/f"},"elapsed":12}""" + "\n";

        Durations("access.json", log, LogFormat.JsonLines).Should().Equal(
            TimeSpan.FromMilliseconds(123),
            TimeSpan.FromMilliseconds(2500),
            TimeSpan.FromTicks(9_297),
            TimeSpan.FromTicks(23_457),
            null,
            TimeSpan.FromMilliseconds(1500),
            TimeSpan.FromMilliseconds(1500),
            TimeSpan.FromMilliseconds(250),
            null,
            null);
    }

    [Fact]
    public void Logfmt_takes_go_durations_and_numbers_whose_key_says_the_unit()
    {
        string log =
            "time=2026-11-26T10:00:00Z method=GET path=/ status=200 bytes=12 duration=350ms\n"
            + "time=2026-11-26T10:00:01Z method=GET path=/a status=200 took=1.5s\n"
            + "time=2026-11-26T10:00:02Z method=GET path=/b status=200 elapsed=2m3s\n"
            + "time=2026-11-26T10:00:03Z method=GET path=/c status=200 duration=12µs\n"
            + "time=2026-11-26T10:00:04Z method=GET path=/d status=200 duration=1h0m0.5s\n"
            + "time=2026-11-26T10:00:05Z method=GET path=/e status=200 duration_ms=42\n"
            + "time=2026-11-26T10:00:06Z method=GET path=/f status=200 duration=1.25\n" // no unit: not guessed
            + "time=2026-11-26T10:00:07Z method=GET path=/g status=200 duration=soon\n"
            + "time=2026-11-26T10:00:08Z method=GET path=/h status=200 duration=\"750us\"\n";

        Durations("app.log", log, LogFormat.Logfmt).Should().Equal(
            TimeSpan.FromMilliseconds(350),
            TimeSpan.FromMilliseconds(1500),
            TimeSpan.FromSeconds(123),
            TimeSpan.FromTicks(120),
            TimeSpan.FromHours(1) + TimeSpan.FromMilliseconds(500),
            TimeSpan.FromMilliseconds(42),
            null,
            null,
            TimeSpan.FromTicks(7_500));
    }

    [Fact]
    public void Ncsa_lines_have_no_duration()
    {
        string log =
            "140.180.132.213 - - [24/Feb/2008:00:08:59 -0600] \"GET /ply/ply.html HTTP/1.1\" 200 97238\n"
            + "127.0.0.1 - - [24/Feb/2008:00:09:00 -0600] \"GET / HTTP/1.1\" 200 12 \"-\" \"curl/8.0\"\n";

        Durations("access-log", log, LogFormat.Common).Should().HaveCount(2).And.OnlyContain(d => d == null);
        Durations("access-log2", log, LogFormat.Auto).Should().HaveCount(2).And.OnlyContain(d => d == null);
    }

    [Theory]
    [InlineData("w3c", "#Fields: date time c-ip cs-method cs-uri-stem sc-status time-taken\n2024-03-01 00:00:07 203.0.113.7 GET / 200 4x6\n", 2, "time-taken")]
    [InlineData("elb", """2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.000073 0.00l048 0.000057 200 200 0 29 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.38.0" - -""" + "\n", 1, "target_processing_time")]
    [InlineData("haproxy", """10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/1O9 200 2750 - - ---- 1/1/1/1/0 0/0 "GET /index.html HTTP/1.1" """ + "\n", 1, "total time")]
    [InlineData("squid", "1286536309.586    9x1 192.168.0.68 TCP_MISS/200 507 GET http://www.google.com/ - DIRECT/74.125.45.104 text/html\n", 1, "elapsed")]
    [InlineData("s3", """79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be b [06/Feb/2019:00:00:38 +0000] 192.0.2.3 - 3E57427F3EXAMPLE REST.GET.VERSIONING - "GET /b?versioning HTTP/1.1" 200 - 113 - 7ms - "-" "S3Console/0.4" - x SigV4 c AuthHeader b.s3.amazonaws.com TLSV1.2 - -""" + "\n", 1, "total time")]
    public void A_duration_that_is_no_number_makes_its_line_malformed(string format, string log, long line, string named)
    {
        // Good lines before and after it are read; the bad one is counted and named, as a bad byte count is.
        string path = _dir.Write($"bad.{format}", log);
        var report = new ParseReport();

        List<LogRecord> records = [.. LogSource.Open(path, new LogSourceOptions { Format = LogFormat.FromName(format), Report = report })];

        records.Should().BeEmpty();
        report.Malformed.Should().Be(1);
        report.Samples.Should().ContainSingle().Which.Should().Match<MalformedLine>(m => m.File == path && m.LineNumber == line && m.Reason.Contains(named));
    }

    /// <summary>The durations of a file's records, read by the pipeline and by the provider, which must agree.</summary>
    private List<TimeSpan?> Durations(string name, string log, LogFormat format)
    {
        string path = _dir.Write(name, log);
        var pipelineReport = new ParseReport();
        List<TimeSpan?> parsed = [.. new[] { path }.Open().Cat().Parse(format, pipelineReport).Select(r => r.Duration)];

        var scanReport = new ParseReport();
        List<TimeSpan?> scanned = [.. LogSource.Open(path, new LogSourceOptions { Format = format, Report = scanReport }).Select(r => r.Duration)];

        pipelineReport.Malformed.Should().Be(0, string.Join("; ", pipelineReport.Samples));
        scanReport.Malformed.Should().Be(0, string.Join("; ", scanReport.Samples));
        scanned.Should().Equal(parsed, "the provider's scan reads what the pipeline parses");
        return parsed;
    }
}

using System.Text;
using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

public sealed class AutoLogFormatTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loglinq-auto-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("140.180.132.213 - - [24/Feb/2008:00:08:59 -0600] \"GET /ply/ply.html HTTP/1.1\" 200 97238", "common")]
    [InlineData("127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326 \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"", "common")] // auto reads NCSA leniently: Combined lines through the Common parser
    [InlineData("#Software: Microsoft Internet Information Services 10.0", "w3c")]
    [InlineData("#Version: 1.0", "w3c")]
    [InlineData("#Fields: date time c-ip sc-status", "w3c")]
    [InlineData("{\"time\":\"2024-03-01T08:00:00Z\",\"status\":200}", "json")]
    [InlineData("  {\"status\":200}", "json")]
    [InlineData("\uFEFF{\"status\":200}", "json")]
    [InlineData("\uFEFF#Software: Microsoft Internet Information Services 8.5", "w3c")]
    [InlineData("# just a comment", "common")]
    [InlineData("hello world", "common")]
    [InlineData("[1,2,3]", "common")]
    [InlineData("[2016-04-15T20:17:00.310Z] \"POST /api/v1/locations HTTP/2\" 204 - 154 0 226 100 \"10.0.35.28\" \"nsq2http\" \"cc21d9b0-cf5c-432b-8c7e-98aeb7988cd2\" \"locations\" \"tcp://10.0.2.1:80\"", "envoy")]
    [InlineData("[27/Nov/2026:07:00:00 +0000] 192.0.2.10 TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384 \"GET / HTTP/1.1\" 5120", "ssl_request")]
    [InlineData("[Fri Sep 09 10:42:29.902022 2011] [core:error] [pid 35708:tid 4328636416] [client 72.15.99.187] File does not exist: /usr/local/apache2/htdocs/favicon.ico", "common")]
    public void Detects_the_format_from_the_first_line(string line, string format)
    {
        AutoLogFormat.Detect(Encoding.UTF8.GetBytes(line)).Name.Should().Be(format);
    }

    [Fact]
    public void Each_file_of_a_mixed_set_is_read_in_its_own_format()
    {
        string common = WriteFile(
            "access-log",
            "140.180.132.213 - - [24/Feb/2008:00:08:59 -0600] \"GET /ply/ply.html HTTP/1.1\" 200 97238\n" +
            "75.54.118.139 - - [24/Feb/2008:00:15:40 -0600] \"GET / HTTP/1.1\" 200 4447\n");
        string w3c = WriteFile(
            "u_ex240301.log",
            "#Software: Microsoft Internet Information Services 10.0\r\n" +
            "#Version: 1.0\r\n" +
            "#Date: 2024-03-01 00:00:07\r\n" +
            "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n" +
            "2024-03-01 00:00:07 10.0.0.4 GET /default.aspx - 443 - 203.0.113.7 Mozilla/5.0+(Windows+NT+10.0) - 200 0 0 46\r\n");
        string json = WriteFile(
            "access.json",
            "\n" +
            "{\"time_local\":\"01/Mar/2024:10:15:32 +0100\",\"remote_addr\":\"198.51.100.4\",\"request\":\"POST /login HTTP/1.1\",\"status\":\"302\",\"body_bytes_sent\":\"0\"}\n");
        string combined = WriteFile(
            "combined.log",
            "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326 \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"\n");
        var report = new ParseReport();

        List<LogRecord> records = [.. new[] { common, w3c, json, combined }.Open().Cat().Parse(LogFormat.Auto, report)];

        report.Malformed.Should().Be(0);
        report.Records.Should().Be(5);
        records.Select(r => (r.File, r.LineNumber, r.Host, r.Method, r.Path, r.Status)).Should().Equal(
            (common, 1L, "140.180.132.213", "GET", "/ply/ply.html", 200),
            (common, 2L, "75.54.118.139", "GET", "/", 200),
            (w3c, 5L, "203.0.113.7", "GET", "/default.aspx", 200),
            (json, 2L, "198.51.100.4", "POST", "/login", 302),
            (combined, 1L, "127.0.0.1", "GET", "/apache_pb.gif", 200));
        records.Select(r => r.Time).Should().Equal(
            new DateTimeOffset(2008, 2, 24, 0, 8, 59, TimeSpan.FromHours(-6)),
            new DateTimeOffset(2008, 2, 24, 0, 15, 40, TimeSpan.FromHours(-6)),
            new DateTimeOffset(2024, 3, 1, 0, 0, 7, TimeSpan.Zero),
            new DateTimeOffset(2024, 3, 1, 10, 15, 32, TimeSpan.FromHours(1)),
            new DateTimeOffset(2000, 10, 10, 13, 55, 36, TimeSpan.FromHours(-7)));
        records[2].UserAgent.Should().Be("Mozilla/5.0 (Windows NT 10.0)");
        records[4].UserAgent.Should().Be("Mozilla/4.08 [en] (Win98; I ;Nav)");
        records[4].User.Should().Be("frank");
    }

    [Fact]
    public void An_unknown_format_is_read_as_common_and_its_errors_say_so()
    {
        string path = WriteFile("mystery.log", "hello world\nthis is not a log\n");
        var report = new ParseReport();

        new[] { path }.Open().Cat().Parse(LogFormat.Auto, report).Should().BeEmpty();

        report.Malformed.Should().Be(2);
        report.Samples.Should().Equal(
            new MalformedLine(path, 1, "expected host, ident and user before the time"),
            new MalformedLine(path, 2, "expected '[' to open the time"));
    }

    private string WriteFile(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }
}

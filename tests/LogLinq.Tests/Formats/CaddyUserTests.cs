using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// Caddy's JSON access log puts the authenticated user in a top-level <c>user_id</c>, empty when the
/// request was not authenticated, beside the <c>request</c> object's <c>remote_ip</c> (the peer) and
/// <c>client_ip</c> (the client, past trusted proxies). Expected values are read off the lines.
/// </summary>
public sealed class CaddyUserTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void User_id_is_the_user_and_an_empty_one_is_none()
    {
        string path = _dir.WriteLines(
            "caddy-access.log",
            """{"level":"info","ts":1764226800.5,"logger":"http.log.access.log0","msg":"handled request","request":{"remote_ip":"172.71.190.23","remote_port":"41342","client_ip":"203.0.113.9","proto":"HTTP/2.0","method":"GET","host":"example.com","uri":"/admin/","headers":{"User-Agent":["curl/8.5.0"],"Authorization":["REDACTED"]},"tls":{"resumed":false,"version":772,"cipher_suite":4865,"proto":"h2","server_name":"example.com"}},"bytes_read":0,"user_id":"John Doe","duration":0.000929675,"size":10900,"status":200,"resp_headers":{"Server":["Caddy"]}}""",
            """{"level":"info","ts":1764226801,"logger":"http.log.access.log0","msg":"handled request","request":{"remote_ip":"198.51.100.4","remote_port":"51000","client_ip":"198.51.100.4","proto":"HTTP/1.1","method":"GET","host":"example.com","uri":"/","headers":{"User-Agent":["Mozilla/5.0"]}},"bytes_read":0,"user_id":"","duration":0.0005,"size":512,"status":0,"resp_headers":{}}""");
        var report = new ParseReport();

        List<LogRecord> records = [.. LogSource.Open(path, new LogSourceOptions { Report = report })];

        report.Malformed.Should().Be(0);
        records.Select(r => (r.Host, r.User, r.Path, r.Status, r.Bytes, r.VirtualHost)).Should().Equal(
            ("203.0.113.9", "John Doe", "/admin/", 200, 10900L, "example.com"),
            ("198.51.100.4", "-", "/", 0, 512L, "example.com"));
        records[0].Time.Should().Be(new DateTimeOffset(2025, 11, 27, 7, 0, 0, 500, TimeSpan.Zero));
        LogSource.Open(path).Count(r => r.User == "John Doe").Should().Be(1);
    }
}

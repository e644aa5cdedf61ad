using LogLinq.Formats;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// mod_ssl's <c>ssl_request_log</c>, as the <c>ssl.conf</c> of CentOS, RHEL and Fedora writes it:
/// <c>CustomLog logs/ssl_request_log "%t %h %{SSL_PROTOCOL}x %{SSL_CIPHER}x \"%r\" %b"</c>: the time
/// first, then the client, the TLS protocol and cipher, the request and the bytes; no status. Expected
/// values are read off the lines.
/// </summary>
public sealed class SslRequestLogTests : IDisposable
{
    private const string Lines =
        "[27/Nov/2026:07:00:00 +0100] 192.0.2.10 TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384 \"GET /index.html HTTP/1.1\" 5120\n"
        + "[27/Nov/2026:07:00:01 +0100] 2001:db8::10 TLSv1.3 TLS_AES_256_GCM_SHA384 \"POST /login?next=/a HTTP/2.0\" -\n"
        + "[27/Nov/2026:07:00:02 +0100] 192.0.2.11 TLSv1.3 TLS_AES_128_GCM_SHA256 \"GET /a b HTTP/1.1\" 17\n"
        + "[27/Nov/2026:07:00:03 +0100] 192.0.2.12 TLSv1.2\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Is_registered_by_name()
    {
        LogFormat.FromName("ssl_request").Should().BeSameAs(LogFormat.SslRequest);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("ssl_request")]
    public void Reads_the_client_time_request_and_bytes(string format)
    {
        string path = _dir.Write("ssl_request_log", Lines);
        var report = new ParseReport();

        List<LogRecord> records = [.. LogSource.Open(path, new LogSourceOptions { Format = LogFormat.FromName(format), Report = report })];

        records.Select(r => (r.Host, r.Method, r.Path, r.Protocol, r.Status, r.Bytes)).Should().Equal(
            ("192.0.2.10", "GET", "/index.html", "HTTP/1.1", 0, 5120L),
            ("2001:db8::10", "POST", "/login?next=/a", "HTTP/2.0", 0, 0L),
            ("192.0.2.11", "GET", "/a b", "HTTP/1.1", 0, 17L));
        records[0].Time.Should().Be(new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.FromHours(1)));
        records[2].Time.Should().Be(new DateTimeOffset(2026, 11, 27, 7, 0, 2, TimeSpan.FromHours(1)));
        records[0].Ident.Should().Be("-");
        records[0].User.Should().Be("-");
        records[0].Referrer.Should().BeNull();
        records[0].UserAgent.Should().BeNull();
        records[0].VirtualHost.Should().BeNull();
        records[0].Duration.Should().BeNull();
        report.Malformed.Should().Be(1);
        report.Samples.Single().ToString().Should().Be($"{path}:4: expected 6 fields ([time] host protocol cipher \"request\" bytes), found 3");
    }

    [Fact]
    public void A_scan_sums_and_groups_as_the_records_say()
    {
        string path = _dir.Write("ssl_request_log", Lines);

        LogSource.Open(path).Sum(r => r.Bytes).Should().Be(5137);
        LogSource.Open(path).Where(r => r.Method == "GET").Select(r => r.Host).Distinct().Should().BeEquivalentTo("192.0.2.10", "192.0.2.11");
    }
}

using System.IO.Compression;
using System.Text;

namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over a CloudFront standard log as CloudFront delivers it: gzipped, tab-separated,
/// after <c>#Version: 1.0</c> and the <c>#Fields:</c> line of its developer guide ("Standard logging
/// reference", log file fields); the first two lines are the guide's examples. CloudFront's
/// <c>cs(Host)</c> is the distribution's own domain (<c>d111111abcdef8.cloudfront.net</c>);
/// <c>x-host-header</c> is the Host header the viewer sent, the site's alternate domain name where it
/// has one (<c>www.example.com</c>): that is the <c>vhost</c>. Answers worked out by hand from the lines.
/// </summary>
public sealed class CloudFrontLogCommandTests : IDisposable
{
    private const string Head =
        "#Version: 1.0\n"
        + "#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end\n";

    private static readonly string[] Lines =
    [
        "2019-12-04\t21:02:31\tLAX1\t392\t192.0.2.100\tGET\td111111abcdef8.cloudfront.net\t/index.html\t200\t-\tMozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)%20AppleWebKit/537.36%20(KHTML,%20like%20Gecko)%20Chrome/78.0.3904.108%20Safari/537.36\t-\t-\tHit\tSOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==\td111111abcdef8.cloudfront.net\thttps\t23\t0.001\t-\tTLSv1.2\tECDHE-RSA-AES128-GCM-SHA256\tHit\tHTTP/2.0\t-\t-\t11040\t0.001\tHit\ttext/html\t78\t-\t-",
        "2019-12-13\t22:36:27\tSEA19-C1\t900\t192.0.2.200\tGET\td111111abcdef8.cloudfront.net\t/favicon.ico\t502\thttp://www.example.com/\tMozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)%20AppleWebKit/537.36%20(KHTML,%20like%20Gecko)%20Chrome/78.0.3904.108%20Safari/537.36\t-\t-\tError\t1pkpNfBQ39sYMnjjUQjmH2w1wdJnbHYTbag21o_3OfcQgPzdL2RSSQ==\twww.example.com\thttp\t675\t0.102\t-\t-\t-\tError\tHTTP/1.1\t-\t-\t25260\t0.102\tOriginDnsError\ttext/html\t507\t-\t-",
        "2019-12-13\t22:36:28\tSEA19-C1\t1350\t192.0.2.200\tGET\td111111abcdef8.cloudfront.net\t/search\t200\t-\tcurl/8.5.0\tq=shoes&page=2\t-\tMiss\tAbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijklmnopQ==\twww.example.com\thttps\t98\t0.250\t-\tTLSv1.3\tTLS_AES_128_GCM_SHA256\tMiss\tHTTP/2.0\t-\t-\t25261\t0.249\tMiss\ttext/html\t1200\t-\t-",
    ];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Reads_a_gzipped_standard_log_with_the_viewer_s_host_as_vhost()
    {
        string log = _dir.Write("E2EXAMPLE.2019-12-13-22.a1b2c3d4.gz", Gzip(Head + string.Concat(Lines.Select(line => line + "\n"))));

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | select host, time, method, path, protocol, status, bytes, referrer, vhost, duration", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(
            "host,time,method,path,protocol,status,bytes,referrer,vhost,duration\r\n"
            + "192.0.2.100,2019-12-04T21:02:31+00:00,GET,/index.html,HTTP/2.0,200,392,-,d111111abcdef8.cloudfront.net,0.001\r\n"
            + "192.0.2.200,2019-12-13T22:36:27+00:00,GET,/favicon.ico,HTTP/1.1,502,900,http://www.example.com/,www.example.com,0.102\r\n"
            + "192.0.2.200,2019-12-13T22:36:28+00:00,GET,/search?q=shoes&page=2,HTTP/2.0,200,1350,-,www.example.com,0.25\r\n",
            run.ToString());
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task The_agent_is_percent_decoded_and_a_summary_by_site_adds_up()
    {
        string log = _dir.Write("E2EXAMPLE.2019-12-13-22.a1b2c3d4.gz", Gzip(Head + string.Concat(Lines.Select(line => line + "\n"))));

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | summarize count() as n, sum(bytes) as sent by vhost | sort by vhost", "--format", "tsv"]);
        LoglinqProcess.Result agent = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | take 1 | select agent", "--format", "tsv"]);

        run.Stdout.Should().Be("vhost\tn\tsent\nd111111abcdef8.cloudfront.net\t1\t392\nwww.example.com\t2\t2250\n", run.ToString());
        agent.Stdout.Should().Be("agent\nMozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/78.0.3904.108 Safari/537.36\n", agent.ToString());
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}

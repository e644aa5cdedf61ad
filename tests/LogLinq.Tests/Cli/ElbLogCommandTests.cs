using System.IO.Compression;
using System.Text;

namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over an Application Load Balancer's log as AWS delivers it to S3, gzip-compressed,
/// found by a glob and detected by its lines. Counts worked out by hand from the four lines.
/// </summary>
public sealed class ElbLogCommandTests : IDisposable
{
    // 200 (366 bytes), 404 (257), 200 (57), 502 (0, the target gave no answer: '-' for its status).
    private const string Log =
        """http 2018-07-02T22:23:00.186641Z app/my-lb/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.46.0" - - arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe354" "-" "-" 0 2018-07-02T22:22:48.364000Z "forward" "-" "-" "10.0.0.1:80" "200" "-" "-" TID_1"""
        + "\n"
        + """h2 2018-07-02T22:23:01.000000Z app/my-lb/50dc6c495c0c9188 10.0.1.252:48160 10.0.0.66:9000 0.000 0.002 0.000 404 404 5 257 "GET https://shop.example:443/missing HTTP/2.0" "curl/7.46.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:x "Root=1-2" "shop.example" "-" 1 2018-07-02T22:22:48.364000Z "forward" "-" "-" "10.0.0.66:9000" "404" "-" "-" TID_1"""
        + "\n"
        + """https 2018-07-02T22:23:02.000000Z app/my-lb/50dc6c495c0c9188 192.168.131.39:2818 10.0.0.1:80 0.086 0.048 0.037 200 200 0 57 "GET https://shop.example:443/api/items?id=3 HTTP/1.1" "Mozilla/5.0 (X11; Linux x86_64)" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:x "Root=1-3" "shop.example" "-" 1 2018-07-02T22:22:48.364000Z "forward" "-" "-" "10.0.0.1:80" "200" "-" "-" TID_1"""
        + "\n"
        + """https 2018-07-02T22:23:03.000000Z app/my-lb/50dc6c495c0c9188 192.168.131.40:2819 10.0.0.1:80 0.001 -1 -1 502 - 0 0 "POST https://shop.example:443/api/orders HTTP/1.1" "okhttp/4.12.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:x "Root=1-4" "shop.example" "-" 1 2018-07-02T22:22:48.364000Z "forward" "-" "-" "10.0.0.1:80" "-" "-" "-" TID_1"""
        + "\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Summarizes_a_compressed_log_found_by_a_glob()
    {
        WriteGzip("123456789012_elasticloadbalancing_us-east-2_app.my-lb.50dc6c495c0c9188_20180702T2225Z_10.0.0.1_2et2e1mx.log.gz");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{_dir.Path}/*.log.gz\" | summarize count() as n, sum(bytes) as sent by status | sort by status", "--format", "tsv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("status\tn\tsent\n200\t2\t423\n404\t1\t257\n502\t1\t0\n");
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Answers_with_the_path_and_virtual_host_of_an_absolute_url()
    {
        WriteGzip("app.log.gz");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{_dir.Path}/app.log.gz\" as elb | where status >= 400 | select host, method, path, vhost", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("host,method,path,vhost\r\n10.0.1.252,GET,/missing,shop.example:443\r\n192.168.131.40,POST,/api/orders,shop.example:443\r\n");
    }

    private void WriteGzip(string name)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Log));
        }

        _dir.Write(name, memory.ToArray());
    }
}

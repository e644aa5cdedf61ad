namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over mod_ssl's <c>ssl_request_log</c> beside an access log, as in
/// <c>/var/log/httpd/</c> on CentOS and RHEL: each file's format found from its lines. Sums worked out
/// by hand from the lines.
/// </summary>
public sealed class SslRequestLogCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Reads_the_ssl_request_log_beside_the_access_log()
    {
        _dir.WriteLines(
            "ssl_request_log",
            "[27/Nov/2026:07:00:00 +0000] 192.0.2.10 TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384 \"GET /index.html HTTP/1.1\" 5120",
            "[27/Nov/2026:07:00:01 +0000] 192.0.2.11 TLSv1.3 TLS_AES_256_GCM_SHA384 \"GET /a HTTP/2.0\" -",
            "[27/Nov/2026:07:00:02 +0000] 192.0.2.10 TLSv1.3 TLS_AES_256_GCM_SHA384 \"GET /b HTTP/2.0\" 100");
        _dir.WriteLines(
            "ssl_access_log",
            "192.0.2.10 - - [27/Nov/2026:07:00:00 +0000] \"GET /index.html HTTP/1.1\" 200 5120",
            "192.0.2.11 - - [27/Nov/2026:07:00:01 +0000] \"GET /a HTTP/2.0\" 304 -");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{_dir.Path}/ssl_*\" | summarize count() as n, sum(bytes) as sent by file | sort by file", "--format", "tsv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be($"file\tn\tsent\n{_dir.Path}/ssl_access_log\t2\t5120\n{_dir.Path}/ssl_request_log\t3\t5220\n");
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Is_named_in_a_query()
    {
        string log = _dir.WriteLines(
            "ssl_request_log",
            "[27/Nov/2026:07:00:00 +0000] 192.0.2.10 TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384 \"GET /index.html HTTP/1.1\" 5120");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" as ssl_request | select host, method, path, status, bytes", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("host,method,path,status,bytes\r\n192.0.2.10,GET,/index.html,0,5120\r\n");
    }
}

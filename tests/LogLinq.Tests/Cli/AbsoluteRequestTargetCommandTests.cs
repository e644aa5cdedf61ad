namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over NCSA lines whose request names an absolute URL, as varnishncsa's default
/// format writes it (<c>%h %l %u %t "%r" %s %b "%{Referer}i" "%{User-agent}i"</c>, where, its manual
/// says, <c>%r</c> is "the first line of the request. Synthesized from other fields", the Host header's
/// name before the path: <c>"GET http://www.example.com/ HTTP/1.1"</c>), and as a forward proxy logs
/// what it was asked for. <c>path</c> is the path, from the first '/' after the host, as an ELB
/// line's is, and <c>vhost</c> the URL's host. The answers are worked out by hand from the lines.
/// </summary>
public sealed class AbsoluteRequestTargetCommandTests : IDisposable
{
    private const string Varnish =
        "192.0.2.44 - - [10/Mar/2024:14:02:11 +0000] \"GET http://www.example.com/ HTTP/1.1\" 200 8112 \"-\" \"curl/8.5.0\"\n"
        + "192.0.2.44 - - [10/Mar/2024:14:02:12 +0000] \"GET http://www.example.com:8080/img/logo.png?v=3 HTTP/1.1\" 404 0 \"http://www.example.com/\" \"Mozilla/5.0\"\n"
        + "198.51.100.7 - - [10/Mar/2024:14:02:13 +0000] \"GET /plain HTTP/1.1\" 200 12 \"-\" \"curl/8.5.0\"\n"
        + "198.51.100.8 - - [10/Mar/2024:14:02:14 +0000] \"GET https://shop.example HTTP/1.1\" 200 40 \"-\" \"curl/8.5.0\"\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_path_is_the_url_s_path_and_the_vhost_its_host()
    {
        string log = _dir.Write("varnishncsa.log", Varnish);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | select method, path, protocol, vhost, status", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(
            "method,path,protocol,vhost,status\r\n"
            + "GET,/,HTTP/1.1,www.example.com,200\r\n"
            + "GET,/img/logo.png?v=3,HTTP/1.1,www.example.com:8080,404\r\n"
            + "GET,/plain,HTTP/1.1,,200\r\n"
            + "GET,/,HTTP/1.1,shop.example,200\r\n",
            run.ToString());
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task A_query_on_path_and_vhost_finds_them_and_a_record_pipe_keeps_them()
    {
        string log = _dir.Write("varnishncsa.log", Varnish);

        LoglinqProcess.Result direct = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | where path startswith \"/img/\" or path == \"/\" | summarize count() by vhost", "--format", "csv"]);
        LoglinqProcess.Result piped = await ShellPipeline.RunAsync(
            $"loglinq query 'from \"{log}\"' --emit records | loglinq query 'from - | where vhost == \"www.example.com\" | select path' --format csv");

        // "/" is the first line's path and the last's (https://shop.example names no path); /img/ the second's.
        direct.Stdout.Should().Be("vhost,count\r\nwww.example.com,1\r\nwww.example.com:8080,1\r\nshop.example,1\r\n", direct.ToString());
        piped.Stdout.Should().Be("path\r\n/\r\n", piped.ToString());
    }
}

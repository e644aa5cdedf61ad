namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over a Kubernetes container log (CRI: <c>time stream F|P</c> before each line),
/// where the web server's error lines sit among its access lines, and over what
/// <c>docker compose logs -t</c> saves of two services. Counts are worked out by hand.
/// </summary>
public sealed class LinePrefixCommandTests : IDisposable
{
    // Lines 1, 2 and 4 are nginx's access lines (200 612, 404 10, 200 5); line 3 is its error log.
    private const string Log =
        "2026-11-26T12:00:01.123456789Z stdout F 192.0.2.1 - - [26/Nov/2026:12:00:01 +0000] \"GET / HTTP/1.1\" 200 612 \"-\" \"curl/8.0\"\n"
        + "2026-11-26T12:00:02.000000001Z stdout F 192.0.2.9 - - [26/Nov/2026:12:00:02 +0000] \"GET /a HTTP/1.1\" 404 10 \"-\" \"curl/8.0\"\n"
        + "2026-11-26T12:00:02.000000002Z stderr F 2026/11/26 12:00:02 [error] 29#29: *1 open() \"/usr/share/nginx/html/a\" failed\n"
        + "2026-11-26T12:00:03.500000000Z stdout F 192.0.2.1 - - [26/Nov/2026:12:00:03 +0000] \"GET /b HTTP/1.1\" 200 5 \"-\" \"curl/8.0\"\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Counts_the_access_lines_and_names_the_other_one()
    {
        string log = _dir.Write("web-7d9f_default_nginx-0123.log", Log);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | summarize count() as n, sum(bytes) as sent by status", "--format", "tsv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("status\tn\tsent\n200\t2\t617\n404\t1\t10\n");
        run.Stderr.Should().Contain($"{log}:3: expected '[' to open the time");
    }

    [Fact]
    public async Task Reads_the_web_service_of_compose_logs_and_names_the_other_services_lines()
    {
        // Lines 1 and 3 are the web service's access lines (200 612, 404 10); line 2 is the database's.
        string log = _dir.Write(
            "compose.log",
            "web-1  | 2026-11-26T12:00:01.123456789Z 192.0.2.1 - - [26/Nov/2026:12:00:01 +0000] \"GET / HTTP/1.1\" 200 612 \"-\" \"curl/8.0\" \"-\"\n"
            + "db-1   | 2026-11-26T12:00:01.500000000Z LOG:  database system is ready to accept connections\n"
            + "web-1  | 2026-11-26T12:00:02.000000001Z 192.0.2.9 - - [26/Nov/2026:12:00:02 +0000] \"GET /a HTTP/1.1\" 404 10 \"-\" \"curl/8.0\" \"-\"\n");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | select line, host, path, status, bytes", "--format", "tsv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("line\thost\tpath\tstatus\tbytes\n1\t192.0.2.1\t/\t200\t612\n3\t192.0.2.9\t/a\t404\t10\n");
        run.Stderr.Should().Contain($"{log}:2: ");
    }
}

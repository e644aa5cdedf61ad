namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over an nginx container's log as Docker's json-file driver keeps it, read as a
/// file and through a pipe; the container's error line among the access lines is named. The lines
/// are written here as Docker writes them (quotes as \", '&amp;' as \u0026); counts worked out by hand.
/// </summary>
public sealed class DockerLogCommandTests : IDisposable
{
    // Lines 1, 2 and 4 are nginx's access lines (200 612, 404 10, 200 5); line 3 is its error log.
    private const string Log =
        "{\"log\":\"192.0.2.1 - - [26/Nov/2026:12:00:01 +0000] \\\"GET /?a=1\\u0026b=2 HTTP/1.1\\\" 200 612 \\\"-\\\" \\\"curl/8.0\\\"\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-26T12:00:01.123456789Z\"}\n"
        + "{\"log\":\"192.0.2.9 - - [26/Nov/2026:12:00:02 +0000] \\\"GET /a HTTP/1.1\\\" 404 10 \\\"-\\\" \\\"curl/8.0\\\"\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-26T12:00:02.000000001Z\"}\n"
        + "{\"log\":\"2026/11/26 12:00:02 [error] 29#29: *1 open() \\\"/usr/share/nginx/html/a\\\" failed\\n\",\"stream\":\"stderr\",\"time\":\"2026-11-26T12:00:02.000000002Z\"}\n"
        + "{\"log\":\"192.0.2.1 - - [26/Nov/2026:12:00:03 +0000] \\\"GET /b HTTP/1.1\\\" 200 5 \\\"-\\\" \\\"curl/8.0\\\"\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-26T12:00:03.5Z\"}\n";

    private const string Query = "summarize count() as n, sum(bytes) as sent by status";

    private const string Answer = "status\tn\tsent\n200\t2\t617\n404\t1\t10\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Counts_the_access_lines_of_a_file_and_names_the_other_one()
    {
        string log = _dir.Write("0123abcd-json.log", Log);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", $"from \"{log}\" | {Query}", "--format", "tsv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(Answer);
        run.Stderr.Should().Contain($"{log}:3: expected '[' to open the time");
    }

    [Fact]
    public async Task Reads_the_same_lines_from_a_pipe()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", $"from - | {Query}", "--format", "tsv"], stdin: Log);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(Answer);
        run.Stderr.Should().Contain(":3: expected '[' to open the time");
    }

    [Fact]
    public async Task Finds_a_path_with_a_character_docker_escapes()
    {
        string log = _dir.Write("0123abcd-json.log", Log);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", $"from \"{log}\" as common | where path contains \"&\" | select path, bytes", "--format", "tsv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("path\tbytes\n/?a=1&b=2\t612\n");
    }
}

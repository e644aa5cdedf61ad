namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over a log in no format it reads: here Envoy configured with a format of its own
/// (the TCP proxy's <c>[%START_TIME%] %DOWNSTREAM_REMOTE_ADDRESS% -&gt; %UPSTREAM_HOST% %BYTES_RECEIVED%
/// %BYTES_SENT% %DURATION%ms</c>), and a Go service's plain text. No answer is made up: every line is
/// malformed, named with its file and line, and where no line of the run was a record the notice
/// says which format each file was read in and how to name another, rather than leave an empty
/// answer unexplained. The expected text is written out from the lines.
/// </summary>
public sealed class UnreadableFormatCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task No_line_a_record_says_which_format_each_file_was_read_in()
    {
        string envoy = _dir.WriteLines(
            "envoy-tcp.log",
            "[2024-03-10T14:02:11.000Z] 10.0.0.1:55512 -> 10.0.0.2:5432 1024 2048 15ms",
            "[2024-03-10T14:02:12.000Z] 10.0.0.1:55513 -> 10.0.0.2:5432 0 0 1ms");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", $"from \"{envoy}\" | count", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("count\r\n0\r\n");
        run.Stderr.Should().Be(
            "loglinq: skipped 2 malformed lines (--strict stops at the first):\n"
            // Read as Common: the bracketed time, the client and "->" are taken for host, ident and user.
            + $"{envoy}:1: expected '[' to open the time\n"
            + $"{envoy}:2: expected '[' to open the time\n"
            + $"loglinq: no line was a record: {envoy} was read as common, the format its first lines looked like; "
            + "another is named with as (from \"...\" as json), and the formats read are listed in docs/query-language.md\n",
            run.ToString());
    }

    [Fact]
    public async Task A_format_the_query_names_is_said_to_be_the_query_s()
    {
        string go = _dir.WriteLines("app.log", "2024/03/10 14:02:11 GET /api/items 200 12ms");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", $"from \"{go}\" as combined | count", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stderr.Should().EndWith($"loglinq: no line was a record: {go} was read as combined, as the query names it; "
            + "another is named with as (from \"...\" as json), and the formats read are listed in docs/query-language.md\n");
    }

    [Fact]
    public async Task Strict_stops_at_the_first_line_with_its_file_and_line_and_no_stack_trace()
    {
        string go = _dir.WriteLines("app.log", "2024/03/10 14:02:11 GET /api/items 200 12ms");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", $"from \"{go}\" | count", "--strict"]);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stderr.Should().Contain($"{go}:1: ").And.NotContain("   at ");
    }
}

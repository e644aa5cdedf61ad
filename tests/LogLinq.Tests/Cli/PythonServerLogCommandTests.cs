namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over the log Python's <c>http.server</c> and Werkzeug (Flask's development
/// server) write to stderr: NCSA's Common, but with a space after the day and no offset,
/// <c>[26/Nov/2026 12:00:01]</c>, read as UTC as every time without an offset is. Answers worked out
/// by hand from the lines.
/// </summary>
public sealed class PythonServerLogCommandTests : IDisposable
{
    private const string Log =
        "127.0.0.1 - - [26/Nov/2026 12:00:01] \"GET / HTTP/1.1\" 200 -\n"
        + "127.0.0.1 - - [26/Nov/2026 12:00:02] \"GET /static/app.js HTTP/1.1\" 304 -\n"
        + "192.168.1.20 - - [26/Nov/2026 12:59:59] \"POST /api/login HTTP/1.1\" 401 17\n"
        + "192.168.1.20 - - [26/Nov/2026 13:00:00] \"GET /favicon.ico HTTP/1.1\" 404 207\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Its_lines_are_records_with_their_times()
    {
        string log = _dir.Write("flask.log", Log);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | select time, host, method, path, status, bytes", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(
            "time,host,method,path,status,bytes\r\n"
            + "2026-11-26T12:00:01+00:00,127.0.0.1,GET,/,200,0\r\n"
            + "2026-11-26T12:00:02+00:00,127.0.0.1,GET,/static/app.js,304,0\r\n"
            + "2026-11-26T12:59:59+00:00,192.168.1.20,POST,/api/login,401,17\r\n"
            + "2026-11-26T13:00:00+00:00,192.168.1.20,GET,/favicon.ico,404,207\r\n",
            run.ToString());
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Its_times_are_utc_in_a_comparison()
    {
        string log = _dir.Write("flask.log", Log);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | where time >= 2026-11-26T12:30:00Z | summarize count() as n, sum(bytes) as sent", "--format", "tsv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("n\tsent\n2\t224\n", run.ToString());
    }
}

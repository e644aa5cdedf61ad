namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over HAProxy's log as rsyslog keeps it, read from a pipe and detected by its
/// lines. Answers worked out by hand from the four lines.
/// </summary>
public sealed class HaproxyLogCommandTests
{
    // 200 (2750 bytes) and 503 (212) from 10.0.1.2 and 10.0.1.3, a TCP line (no status, 212), a 400.
    private const string Log =
        "Feb  6 12:14:14 lb1 haproxy[14389]: 10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 {1wt.eu} {} \"GET /index.html HTTP/1.1\"\n"
        + "Feb  6 12:14:15 lb1 haproxy[14389]: 10.0.1.3:33318 [06/Feb/2009:12:14:15.001] http-in~ static/<NOSRV> -1/-1/-1/-1/+3 503 +212 - - SC-- 1/1/0/0/0 0/0 {Mozilla/5.0 (X11; Linux)|shop.example} {} \"POST /api/x?y=1 HTTP/1.1\"\n"
        + "Feb  6 12:14:16 lb1 haproxy[14387]: 10.0.1.2:33313 [06/Feb/2009:12:14:16.443] fnt bck/srv1 0/0/5007 212 -- 0/0/0/0/3 0/0\n"
        + "Feb  6 12:14:17 lb1 haproxy[14387]: 10.0.1.4:33320 [06/Feb/2009:12:14:17.443] http-in px/<NOSRV> -1/-1/-1/-1/8 400 187 - - PR-- 1/1/0/0/0 0/0 \"<BADREQ>\"\n";

    [Fact]
    public async Task Summarizes_a_log_read_from_a_pipe()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", "from - | summarize count() as n, sum(bytes) as sent by status | sort by status", "--format", "tsv"], stdin: Log);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("status\tn\tsent\n0\t1\t212\n200\t1\t2750\n400\t1\t187\n503\t1\t212\n");
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Answers_with_the_clients_and_times_of_the_errors()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", "from - as haproxy | where status >= 400 | select host, time, path", "--format", "csv"], stdin: Log);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("host,time,path\r\n10.0.1.3,2009-02-06T12:14:15.001+00:00,/api/x?y=1\r\n10.0.1.4,2009-02-06T12:14:17.443+00:00,<BADREQ>\r\n");
    }
}

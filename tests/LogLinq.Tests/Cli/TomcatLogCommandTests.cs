namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over Tomcat's AccessLogValve in the pattern its documentation calls
/// <c>common</c> and server.xml ships (<c>%h %l %u %t "%r" %s %b</c>): Common Log Format, with
/// <c>-</c> for a body of no bytes and an IPv6 client written out in full. Answers worked out by hand.
/// </summary>
public sealed class TomcatLogCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Reads_the_access_log_valve_s_common_pattern()
    {
        string log = _dir.WriteLines(
            "localhost_access_log.2024-03-10.txt",
            "127.0.0.1 - - [10/Mar/2024:14:02:11 +0100] \"GET /manager/html HTTP/1.1\" 401 2473",
            "0:0:0:0:0:0:0:1 - admin [10/Mar/2024:14:02:15 +0100] \"GET /manager/status HTTP/1.1\" 200 -");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | select host, user, time, path, status, bytes, agent, duration", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(
            "host,user,time,path,status,bytes,agent,duration\r\n"
            + "127.0.0.1,-,2024-03-10T14:02:11+01:00,/manager/html,401,2473,,\r\n"
            + "0:0:0:0:0:0:0:1,admin,2024-03-10T14:02:15+01:00,/manager/status,200,0,,\r\n",
            run.ToString());
        run.Stderr.Should().BeEmpty();
    }
}

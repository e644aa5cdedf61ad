namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over an IIS log as IIS 8.5 and later write it with the default field set, CRLF
/// line ends and the directives at its head (<c>#Software</c>, <c>#Version</c>, <c>#Date</c>,
/// <c>#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip
/// cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken</c>): no
/// <c>sc-bytes</c> and no <c>cs-version</c> there, so <c>bytes</c> is 0 and <c>protocol</c> empty;
/// <c>time-taken</c> in milliseconds. Answers worked out by hand from the lines.
/// </summary>
public sealed class IisLogCommandTests : IDisposable
{
    private const string Log =
        "#Software: Microsoft Internet Information Services 10.0\r\n"
        + "#Version: 1.0\r\n"
        + "#Date: 2024-03-10 14:00:00\r\n"
        + "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n"
        + "2024-03-10 14:02:11 10.0.0.4 GET /default.aspx id=7 443 - 203.0.113.5 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) https://www.example.com/ 200 0 0 46\r\n"
        + "2024-03-10 14:02:12 10.0.0.4 POST /api/login - 443 EXAMPLE\\jdoe 203.0.113.6 curl/8.5.0 - 401 1 2148074254 3\r\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Reads_the_default_field_set()
    {
        string log = _dir.Write("u_ex240310.log", Log);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | select host, user, time, method, path, protocol, status, bytes, referrer, agent, duration", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(
            "host,user,time,method,path,protocol,status,bytes,referrer,agent,duration\r\n"
            + "203.0.113.5,-,2024-03-10T14:02:11+00:00,GET,/default.aspx?id=7,,200,0,https://www.example.com/,Mozilla/5.0 (Windows NT 10.0; Win64; x64),0.046\r\n"
            + "203.0.113.6,EXAMPLE\\jdoe,2024-03-10T14:02:12+00:00,POST,/api/login,,401,0,-,curl/8.5.0,0.003\r\n",
            run.ToString());
        run.Stderr.Should().BeEmpty();
    }
}

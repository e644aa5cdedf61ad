namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over the JSON access logs of two Go proxies, each line as their documentation
/// shows it: Caddy v2's <c>http.log.access</c> (the example of Caddy's "log" directive page: the
/// request nested, <c>ts</c> in epoch seconds, <c>duration</c> in seconds) and Traefik's JSON access
/// log (<c>RequestPath</c>, <c>DownstreamStatus</c>, <c>Duration</c> in nanoseconds, <c>StartUTC</c>).
/// Answers worked out by hand from the lines (a duration finer than a tick, 100 ns, is rounded to one).
/// </summary>
public sealed class CaddyTraefikJsonCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Reads_caddy_s_access_log()
    {
        // ts 1646861401.5241024 is 2022-03-09T21:30:01.5241024Z; duration 0.000929675 s is 9,297 ticks.
        string log = _dir.WriteLines(
            "access.log",
            """{"level":"info","ts":1646861401.5241024,"logger":"http.log.access","msg":"handled request","request":{"remote_ip":"127.0.0.1","remote_port":"41342","client_ip":"127.0.0.1","proto":"HTTP/2.0","method":"GET","host":"localhost","uri":"/","headers":{"User-Agent":["curl/7.82.0"],"Accept":["*/*"],"Accept-Encoding":["gzip, deflate, br"]},"tls":{"resumed":false,"version":772,"cipher_suite":4865,"proto":"h2","server_name":"example.com"}},"bytes_read":0,"user_id":"","duration":0.000929675,"size":10900,"status":200,"resp_headers":{"Server":["Caddy"],"Content-Encoding":["gzip"],"Content-Type":["text/html; charset=utf-8"],"Vary":["Accept-Encoding"]}}""");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | select host, time, method, path, protocol, status, bytes, agent, vhost, duration", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(
            "host,time,method,path,protocol,status,bytes,agent,vhost,duration\r\n"
            + "127.0.0.1,2022-03-09T21:30:01.5241024+00:00,GET,/,HTTP/2.0,200,10900,curl/7.82.0,localhost,0.0009297\r\n",
            run.ToString());
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Reads_traefik_s_json_access_log()
    {
        // Duration 104857 ns is 1,049 ticks; StartUTC's nanoseconds round to .1234568.
        string log = _dir.WriteLines(
            "access.log",
            """{"ClientAddr":"192.168.1.10:53124","ClientHost":"192.168.1.10","ClientPort":"53124","ClientUsername":"-","DownstreamContentSize":19,"DownstreamStatus":404,"Duration":104857,"OriginContentSize":19,"OriginDuration":53267,"OriginStatus":404,"Overhead":51590,"RequestAddr":"whoami.localhost","RequestContentSize":0,"RequestCount":3,"RequestHost":"whoami.localhost","RequestMethod":"GET","RequestPath":"/nope","RequestPort":"-","RequestProtocol":"HTTP/1.1","RequestScheme":"http","RetryAttempts":0,"RouterName":"whoami@docker","ServiceAddr":"172.18.0.3:80","ServiceName":"whoami@docker","ServiceURL":"http://172.18.0.3:80","StartLocal":"2024-03-10T14:02:11.123456789Z","StartUTC":"2024-03-10T14:02:11.123456789Z","entryPointName":"web","level":"info","msg":"","time":"2024-03-10T14:02:11Z"}""");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | select host, time, method, path, protocol, status, bytes, vhost, duration", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(
            "host,time,method,path,protocol,status,bytes,vhost,duration\r\n"
            + "192.168.1.10,2024-03-10T14:02:11.1234568+00:00,GET,/nope,HTTP/1.1,404,19,whoami.localhost,0.0001049\r\n",
            run.ToString());
        run.Stderr.Should().BeEmpty();
    }
}

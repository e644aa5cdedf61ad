namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over Envoy's access log in the default format Envoy's documentation gives
/// (configuration/observability/access_log, "Default Format String"):
/// <code>
/// [%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%"
/// %RESPONSE_CODE% %RESPONSE_FLAGS% %BYTES_RECEIVED% %BYTES_SENT% %DURATION%
/// %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% "%REQ(X-FORWARDED-FOR)%" "%REQ(USER-AGENT)%"
/// "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%"
/// </code>
/// (the first line below is the example that page shows), and over Istio's sidecars' text format, the
/// same with the response code's details, the termination's and the upstream failure after the flags,
/// and the upstream cluster and the connection's addresses at the end (the line from Istio's "Envoy
/// Access Logs" task). The answers are worked out by hand from the lines.
/// </summary>
public sealed class EnvoyLogCommandTests : IDisposable
{
    private const string Envoy =
        "[2016-04-15T20:17:00.310Z] \"POST /api/v1/locations HTTP/2\" 204 - 154 0 226 100 \"10.0.35.28\" \"nsq2http\" \"cc21d9b0-cf5c-432b-8c7e-98aeb7988cd2\" \"locations\" \"tcp://10.0.2.1:80\"\n"
        + "[2016-04-15T20:17:01.002Z] \"GET /healthz HTTP/1.1\" 503 UH 0 19 0 - \"-\" \"kube-probe/1.29\" \"f1b2c3d4-0000-4000-8000-000000000001\" \"api.internal\" \"-\"\n"
        + "[2016-04-15T20:17:02.500Z] \"GET /api/v1/locations?near=3 HTTP/1.1\" 0 DC 0 0 1503 - \"203.0.113.9, 10.0.35.1\" \"okhttp/4.12.0\" \"aa\" \"locations\" \"tcp://10.0.2.1:80\"\n";

    private const string Istio =
        "[2020-11-25T21:26:18.409Z] \"GET /status/418 HTTP/1.1\" 418 - via_upstream - \"-\" 0 135 4 4 \"-\" \"curl/7.73.0-DEV\" \"84961386-6d84-929d-98bd-c5aee93b5c88\" \"httpbin:8000\" \"10.44.1.27:80\" outbound|8000||httpbin.foo.svc.cluster.local 10.44.1.23:37652 10.0.45.184:8000 10.44.1.23:46520 - default\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Reads_envoy_s_default_format_found_from_its_lines()
    {
        // The client is X-Forwarded-For as written ("-" where the request had none); bytes are those
        // sent; vhost the :authority; duration %DURATION% in milliseconds; status 0 where the client
        // went away before a response (DC).
        string log = _dir.Write("envoy.log", Envoy);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | select host, time, method, path, protocol, status, bytes, agent, vhost, duration", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(
            "host,time,method,path,protocol,status,bytes,agent,vhost,duration\r\n"
            + "10.0.35.28,2016-04-15T20:17:00.31+00:00,POST,/api/v1/locations,HTTP/2,204,0,nsq2http,locations,0.226\r\n"
            + "-,2016-04-15T20:17:01.002+00:00,GET,/healthz,HTTP/1.1,503,19,kube-probe/1.29,api.internal,0\r\n"
            + "\"203.0.113.9, 10.0.35.1\",2016-04-15T20:17:02.5+00:00,GET,/api/v1/locations?near=3,HTTP/1.1,0,0,okhttp/4.12.0,locations,1.503\r\n",
            run.ToString());
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Reads_istio_s_sidecar_lines_behind_the_container_runtime_s_prefix()
    {
        // kubectl logs without the runtime's prefix; /var/log/containers with it. Without X-Forwarded-For
        // the client is %DOWNSTREAM_REMOTE_ADDRESS% without its port.
        string log = _dir.Write("httpbin_foo_istio-proxy-0123.log", "2020-11-25T21:26:18.500000001Z stdout F " + Istio);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | select host, method, path, status, bytes, agent, vhost, duration", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(
            "host,method,path,status,bytes,agent,vhost,duration\r\n"
            + "10.44.1.23,GET,/status/418,418,135,curl/7.73.0-DEV,httpbin:8000,0.004\r\n",
            run.ToString());
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Is_named_in_a_query_and_a_line_of_another_shape_is_malformed_with_its_file_and_line()
    {
        string log = _dir.Write("envoy.log", Envoy + "[2016-04-15T20:17:03.000Z] \"GET /x HTTP/1.1\" 200 - 0 12\n");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" as envoy | where duration > 100ms | select path, duration", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("path,duration\r\n/api/v1/locations,0.226\r\n/api/v1/locations?near=3,1.503\r\n", run.ToString());
        run.Stderr.Should().Contain($"{log}:4: expected Envoy's 13 fields");
    }
}

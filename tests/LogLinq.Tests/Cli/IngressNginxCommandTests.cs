namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over Kubernetes ingress-nginx's access log, in the controller's default
/// <c>upstreaminfo</c> format, as its documentation (user-guide/nginx-configuration/log-format) gives it:
/// <code>
/// log_format upstreaminfo
///     '$remote_addr - $remote_user [$time_local] "$request" '
///     '$status $body_bytes_sent "$http_referer" "$http_user_agent" '
///     '$request_length $request_time [$proxy_upstream_name] [$proxy_alternative_upstream_name] $upstream_addr '
///     '$upstream_response_length $upstream_response_time $upstream_status $req_id';
/// </code>
/// After the user agent come the request's length in bytes, then <c>$request_time</c> in seconds: the
/// duration is the second number, never the first. The answers are worked out by hand from the lines.
/// </summary>
public sealed class IngressNginxCommandTests : IDisposable
{
    // Durations: /api/items?page=2 0.003 s (its request was 87 bytes long), /api/orders 60.001 s (1432
    // bytes; two upstreams tried, each listed), /healthz 0.000 s (no upstream: "-").
    private const string Log =
        "192.168.49.1 - - [10/Mar/2024:14:02:11 +0000] \"GET /api/items?page=2 HTTP/1.1\" 200 612 \"-\" \"curl/8.5.0\" 87 0.003 [default-web-80] [] 10.244.0.12:8080 612 0.002 200 0f4b1a6a9e3c2d8b7a6f5e4d3c2b1a09\n"
        + "192.168.49.1 - - [10/Mar/2024:14:02:12 +0000] \"POST /api/orders HTTP/1.1\" 504 160 \"https://shop.example/cart\" \"Mozilla/5.0 (X11; Linux x86_64)\" 1432 60.001 [default-orders-8080] [] 10.244.0.13:8080, 10.244.0.14:8080 0, 0 30.000, 30.001 504, 504 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d\n"
        + "10.0.0.1 - - [10/Mar/2024:14:02:13 +0000] \"GET /healthz HTTP/1.1\" 200 2 \"-\" \"kube-probe/1.29\" 112 0.000 [] [] - - - - 1c2b3a4d5e6f708192a3b4c5d6e7f801\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_duration_is_request_time_not_the_request_length_before_it()
    {
        string log = _dir.Write("ingress.log", Log);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | select path, status, bytes, agent, duration", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(
            "path,status,bytes,agent,duration\r\n"
            + "/api/items?page=2,200,612,curl/8.5.0,0.003\r\n"
            + "/api/orders,504,160,Mozilla/5.0 (X11; Linux x86_64),60.001\r\n"
            + "/healthz,200,2,kube-probe/1.29,0\r\n",
            run.ToString());
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task A_slow_request_is_found_in_the_controller_s_container_log()
    {
        // As the kubelet keeps it under /var/log/containers: the runtime's time, stream and tag first.
        string log = _dir.Write(
            "ingress-nginx-controller_ingress-nginx_controller-0123.log",
            string.Concat(Log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((line, i) => $"2024-03-10T14:02:1{i + 1}.000000001Z stdout F {line}\n")));

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | where duration > 1s | select path, duration", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("path,duration\r\n/api/orders,60.001\r\n", run.ToString());
    }
}

using System.Text;
using LogLinq.Formats;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

public sealed class SquidLogFormatTests
{
    // Squid's native format, as its wiki's example (the first) and as Squid writes a tunnel, a denial
    // and a request it could not serve; the elapsed milliseconds are padded to six places.
    private const string Miss = "1286536309.586    921 192.168.0.68 TCP_MISS/200 507 GET http://www.google.com/ - DIRECT/74.125.45.104 text/html";
    private const string Tunnel = "1286536310.123   1043 192.168.0.69 TCP_TUNNEL/200 5120 CONNECT www.example.com:443 alice HIER_DIRECT/93.184.216.34 -";
    private const string Denied = "1286536311.001      0 192.168.0.70 TCP_DENIED/403 3958 GET http://blocked.example/x?y=1 - HIER_NONE/- text/html";
    private const string Unserved = "1286536312.500      5 192.168.0.71 NONE_NONE/000 0 GET http://bad - HIER_NONE/- -";

    [Fact]
    public void Reads_a_request_through_the_proxy()
    {
        LogRecord record = ParseOne(Miss);

        // 1286536309 s after the epoch is 2010-10-08 11:11:49 UTC.
        record.Time.Should().Be(new DateTimeOffset(2010, 10, 8, 11, 11, 49, 586, TimeSpan.Zero));
        record.Host.Should().Be("192.168.0.68");
        record.Method.Should().Be("GET");
        record.Path.Should().Be("/");
        record.VirtualHost.Should().Be("www.google.com");
        record.Status.Should().Be(200);
        record.Bytes.Should().Be(507);
        record.User.Should().Be("-");
    }

    [Fact]
    public void Reads_tunnels_denials_and_requests_without_a_status()
    {
        LogRecord tunnel = ParseOne(Tunnel);
        (tunnel.Method, tunnel.Path, tunnel.VirtualHost, tunnel.User, tunnel.Bytes).Should().Be(("CONNECT", "www.example.com:443", "www.example.com:443", "alice", 5120L));

        LogRecord denied = ParseOne(Denied);
        (denied.Status, denied.Path, denied.VirtualHost).Should().Be((403, "/x?y=1", "blocked.example"));

        LogRecord unserved = ParseOne(Unserved);
        (unserved.Status, unserved.Path, unserved.VirtualHost).Should().Be((0, "/", "bad"));
    }

    [Theory]
    [InlineData("1286536309.586    921 192.168.0.68 TCP_MISS/200 507 GET", "expected at least 8 fields (time elapsed client result/status bytes method URL user), found 6")]
    [InlineData("yesterday 921 192.168.0.68 TCP_MISS/200 507 GET http://a/ -", "expected the time in seconds since 1970, found 'yesterday'")]
    [InlineData("1286536309.586 921 192.168.0.68 TCP_MISS 507 GET http://a/ -", "expected the result and status as TCP_MISS/200, found 'TCP_MISS'")]
    [InlineData("1286536309.586 921 192.168.0.68 TCP_MISS/200 many GET http://a/ -", "expected the bytes sent to the client, found 'many'")]
    public void Unusable_lines_are_malformed_with_a_reason(string line, string reason)
    {
        LineResult result = Parse(line, out LogRecord? record, out string? error);

        result.Should().Be(LineResult.Malformed);
        record.Should().BeNull();
        error.Should().Be(reason);
    }

    [Theory]
    [InlineData(Miss)]
    [InlineData(Tunnel)]
    [InlineData(Denied)]
    [InlineData(Unserved)]
    public void Is_detected_from_a_line(string line)
    {
        AutoLogFormat.Detect(Encoding.UTF8.GetBytes(line)).Should().BeSameAs(LogFormat.Squid);
    }

    private static LogRecord ParseOne(string line)
    {
        LineResult result = Parse(line, out LogRecord? record, out string? error);
        result.Should().Be(LineResult.Record, error);
        return record!;
    }

    private static LineResult Parse(string line, out LogRecord? record, out string? error) =>
        LogFormat.Squid.CreateParser().Parse(new LogLine("memory.log", 1, Encoding.UTF8.GetBytes(line)), out record, out error);
}

using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Query;

/// <summary>
/// ELB, HAProxy, S3 and Squid lines in a scan are read as ranges into a buffer their parser reuses
/// from line to line: records kept from a scan cut into parts must hold their own values, each as
/// the line wrote it (the load balancer's and the proxy's absolute URLs split into path and host).
/// </summary>
public sealed class TextLineScanTests : IDisposable
{
    private const int Count = 2000;
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>What a record is expected to hold, from the values the line was written with.</summary>
    private sealed record Expected(string Host, DateTimeOffset Time, string Method, string Path, int Status, long Bytes, string? Agent, string? VirtualHost);

    public static TheoryData<string> Formats => new() { "elb", "haproxy", "s3", "squid" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Records_kept_from_a_scan_hold_their_own_values(string format)
    {
        (string[] lines, Expected[] expected) = Make(format);
        string path = _temp.WriteLines($"access.{format}", lines);
        IQueryable<LogRecord> logs = LogSource.Open(path, new LogSourceOptions { MinPartSize = 16 * 1024 });

        logs.AsEnumerable().Select(r => new Expected(r.Host, r.Time, r.Method, r.Path, r.Status, r.Bytes, r.UserAgent, r.VirtualHost))
            .Should().Equal(expected);
        logs.OrderByDescending(r => r.Bytes).Take(3).Select(r => r.Path).ToList()
            .Should().Equal(expected.OrderByDescending(e => e.Bytes).Take(3).Select(e => e.Path));
        logs.Where(r => r.Status == 404).Select(r => r.Host).Distinct().Count()
            .Should().Be(expected.Where(e => e.Status == 404).Select(e => e.Host).Distinct().Count());
    }

    private static (string[] Lines, Expected[] Expected) Make(string format)
    {
        var lines = new string[Count];
        var expected = new Expected[Count];
        for (int i = 0; i < Count; i++)
        {
            string host = $"10.1.{i / 200}.{i % 200}";
            DateTimeOffset time = Start.AddSeconds(i);
            string method = i % 4 == 0 ? "POST" : "GET";
            string path = i % 9 == 0 ? $"/search?q={i}" : $"/item/{i}";
            int status = i % 7 == 0 ? 404 : 200;
            long bytes = (i * 101L) % 90_001;
            string vhost = $"shop{i % 3}.example:443";
            (lines[i], expected[i]) = format switch
            {
                "elb" => (
                    $"https {time.UtcDateTime:yyyy-MM-ddTHH:mm:ss.ffffff}Z app/lb/50dc6c495c0c9188 {host}:{2000 + i} 10.0.0.1:80 0.000 0.001 0.000 {status} {status} 34 {bytes} \"{method} https://{vhost}{path} HTTP/1.1\" \"agent-{i}/1.0\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:x \"Root=1-{i}\" \"-\" \"-\" 0 2024-03-01T12:00:00.000000Z \"forward\" \"-\" \"-\" \"10.0.0.1:80\" \"{status}\" \"-\" \"-\"",
                    new Expected(host, time, method, path, status, bytes, $"agent-{i}/1.0", vhost)),
                "haproxy" => (
                    $"{time.UtcDateTime:MMM} {time.Day,2} {time.UtcDateTime:HH:mm:ss} lb1 haproxy[14389]: {host}:{2000 + i} [{time.UtcDateTime:dd/MMM/yyyy:HH:mm:ss}.000] http-in static/srv1 10/0/30/69/109 {status} {bytes} - - ---- 1/1/1/1/0 0/0 \"{method} {path} HTTP/1.1\"",
                    new Expected(host, time, method, path, status, bytes, null, null)),
                "s3" => (
                    $"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be bucket{i % 3} [{time.UtcDateTime:dd/MMM/yyyy:HH:mm:ss} +0000] {host} - REQ{i} REST.GET.OBJECT key{i} \"{method} {path} HTTP/1.1\" {status} - {bytes} 100 7 - \"-\" \"agent-{i}/1.0\" - id{i} SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader - TLSV1.2 - -",
                    new Expected(host, time, method, path, status, bytes, $"agent-{i}/1.0", $"bucket{i % 3}")),
                _ => (
                    $"{time.ToUnixTimeSeconds()}.000    921 {host} TCP_MISS/{status} {bytes} {method} http://{vhost}{path} - DIRECT/74.125.45.104 text/html",
                    new Expected(host, time, method, path, status, bytes, null, vhost)),
            };
        }

        return (lines, expected);
    }
}

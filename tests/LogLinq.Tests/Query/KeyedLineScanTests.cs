using System.Text.Json;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Query;

/// <summary>
/// JSON, logfmt and W3C lines in a scan are read as ranges into a buffer their parser reuses from
/// line to line (no string per field): every record that escapes the scan must still hold its own
/// values, unescaped, however long, in every part of a file cut for several workers.
/// </summary>
public sealed class KeyedLineScanTests : IDisposable
{
    private const int Count = 3000;
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 12, 0, 0, TimeSpan.FromHours(2));

    private readonly TempDirectory _temp = new();
    private readonly Request[] _requests = [.. Enumerable.Range(0, Count).Select(Make)];

    public void Dispose() => _temp.Dispose();

    /// <summary>One request, as the test writes it and expects it back.</summary>
    private sealed record Request(string Host, DateTimeOffset Time, string Method, string Path, int Status, long Bytes, string Agent);

    public static TheoryData<string> Formats => new() { "json", "logfmt", "w3c" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Records_kept_from_a_scan_hold_their_own_values(string format)
    {
        IQueryable<LogRecord> logs = Open(format);

        List<LogRecord> all = [.. logs];

        all.Select(Values).Should().Equal(_requests);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Sorted_and_grouped_records_hold_their_own_values(string format)
    {
        IQueryable<LogRecord> logs = Open(format);

        logs.OrderByDescending(r => r.Bytes).Take(5).AsEnumerable().Select(Values)
            .Should().Equal(_requests.OrderByDescending(r => r.Bytes).Take(5));
        logs.GroupBy(r => r.Status).AsEnumerable().ToDictionary(g => g.Key, g => g.Select(r => r.Path).Order(StringComparer.Ordinal).ToList())
            .Should().BeEquivalentTo(_requests.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Select(r => r.Path).Order(StringComparer.Ordinal).ToList()));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Aggregates_and_predicates_read_the_unescaped_values(string format)
    {
        IQueryable<LogRecord> logs = Open(format);

        logs.Sum(r => r.Bytes).Should().Be(_requests.Sum(r => r.Bytes));
        logs.Select(r => r.Host).Distinct().Count().Should().Be(_requests.Select(r => r.Host).Distinct().Count());
        logs.Count(r => r.UserAgent!.Contains('"')).Should().Be(_requests.Count(r => r.Agent.Contains('"')));
        logs.Where(r => r.Path.StartsWith("/quote\"d")).Select(r => r.Path).ToList()
            .Should().Equal(_requests.Where(r => r.Path.StartsWith("/quote\"d", StringComparison.Ordinal)).Select(r => r.Path));
        logs.Max(r => r.UserAgent!.Length).Should().Be(_requests.Max(r => r.Agent.Length));
        logs.Where(r => r.Status == 404).Select(r => r.Time).Min().Should().Be(_requests.Where(r => r.Status == 404).Min(r => r.Time));
    }

    private IQueryable<LogRecord> Open(string format)
    {
        string path = format switch
        {
            "json" => _temp.WriteLines("access.json", [.. _requests.Select(Json)]),
            "logfmt" => _temp.WriteLines("access.logfmt", [.. _requests.Select(Logfmt)]),
            _ => _temp.WriteLines("access.w3c", [W3cFields, .. _requests.Select(W3c)]),
        };

        // Small parts, so two workers each read several with parsers of their own.
        return LogSource.Open(path, new LogSourceOptions { MinPartSize = 16 * 1024 });
    }

    private static Request Make(int i) => new(
        Host: $"10.0.{i / 256}.{i % 256}",
        Time: Start.AddSeconds(i),
        Method: i % 5 == 0 ? "POST" : "GET",
        Path: i % 7 == 0 ? $"/quote\"d/{i}?q=a+b" : $"/items/{i}",
        Status: i % 11 == 0 ? 404 : 200,
        Bytes: i * 37L,

        // Now and then a user agent longer than the parsers' first buffer, or with quotes and a backslash.
        Agent: i % 13 == 0 ? $"Agent/{i} {new string('x', 600 + i)}" : i % 3 == 0 ? $"Mozilla/5.0 \"quoted\" \\ {i}" : $"curl/{i}");

    private static Request Values(LogRecord r) => new(r.Host, r.Time, r.Method, r.Path, r.Status, r.Bytes, r.UserAgent!);

    // System.Text.Json writes the line, escaping as it does (quotes as \u0022): the parser must undo it.
    private static string Json(Request r) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["time"] = r.Time.ToString("O"),
        ["remote_addr"] = r.Host,
        ["request"] = $"{r.Method} {r.Path} HTTP/1.1",
        ["status"] = r.Status,
        ["body_bytes_sent"] = r.Bytes,
        ["http_user_agent"] = r.Agent,
    });

    private static string Logfmt(Request r) =>
        $"time={r.Time:O} host={r.Host} method={r.Method} path={Quote(r.Path)} status={r.Status} bytes={r.Bytes} user_agent={Quote(r.Agent)}";

    private const string W3cFields = "#Fields: date time c-ip cs-method cs-uri-stem cs-uri-query sc-status sc-bytes cs(User-Agent)";

    // IIS's way: the time in UTC, the query apart from the stem, a header's spaces written as '+'.
    private static string W3c(Request r)
    {
        string[] path = r.Path.Split('?', 2);
        return $"{r.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss} {r.Host} {r.Method} {path[0]} {(path.Length > 1 ? path[1] : "-")} {r.Status} {r.Bytes} {r.Agent.Replace(' ', '+')}";
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

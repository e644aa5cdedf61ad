using LogLinq.Query;

namespace LogLinq.Benchmarks;

/// <summary>The tutorial's questions as provider queries, by name, for whole-process timing.</summary>
public static class TutorialQueries
{
    public static string Run(string name, string[] globs, LogSourceOptions? options = null)
    {
        var logs = LogSource.Open(globs, options);
        return name switch
        {
            "total-bytes" => logs.Sum(r => r.Bytes).ToString(),
            "largest" => logs.MaxBy(r => r.Bytes) is { } r ? $"{r.Path} {r.Bytes}" : "",
            "unique-hosts" => logs.Select(r => r.Host).Distinct().Count().ToString(),
            "broken" => string.Join('\n', logs.Where(r => r.Status == 404).Select(r => r.Path).Distinct()),
            "count" => logs.Count().ToString(),
            "count-404" => logs.Count(r => r.Status == 404).ToString(),
            "count-404-unfiltered" => logs.Count(r => r.Status + 0 == 404).ToString(),
            "first" => logs.First().ToString(),
            "batch" => Batch(logs),
            _ => throw new ArgumentException($"unknown query {name}"),
        };
    }

    /// <summary>The report's questions answered together by one <see cref="LogBatch"/> pass, as <c>loglinq report</c> asks them.</summary>
    private static string Batch(IQueryable<Records.LogRecord> logs)
    {
        var batch = new LogBatch(logs);
        var records = batch.Add(q => q.LongCount());
        var bytes = batch.Add(q => q.Sum(r => r.Bytes));
        var large = batch.Add(q => q.LongCount(r => r.Bytes > 1_000_000));
        var largest = batch.Add(q => q.MaxBy(r => r.Bytes));
        var hosts = batch.Add(q => q.Select(r => r.Host).Distinct().Count());
        var broken = batch.Add(q => q.Where(r => r.Status == 404).Select(r => r.Path).Distinct().ToList());
        var robots = batch.Add(q => q.Where(r => r.Path == "/robots.txt").Select(r => r.Host).Distinct().ToList());
        var downloads = batch.Add(q => q.Where(r => r.Status == 200).GroupBy(r => r.Path).Select(g => new { g.Key, Count = g.LongCount() }).ToList());
        batch.Run();
        return $"{records.Value} {bytes.Value} {large.Value} {largest.Value?.Path} {hosts.Value} {broken.Value.Count} {robots.Value.Count} {downloads.Value.Count}";
    }
}

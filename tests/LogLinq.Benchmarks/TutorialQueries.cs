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
            _ => throw new ArgumentException($"unknown query {name}"),
        };
    }
}

using System.Diagnostics;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Differential;

/// <summary>
/// A log under test: its file, the records the sequential pipeline reads from it (the reference), and
/// the reference outcome of each generated query, computed once and kept for every configuration of
/// the provider that is compared with it.
/// </summary>
internal sealed class LogUnderTest(string name, IReadOnlyList<string> files, IReadOnlyList<LogRecord> records, int querySeed, int queryCount)
{
    private List<GeneratedQuery>? _queries;
    private string[]? _expected;

    public string Name { get; } = name;

    /// <summary>The files, in the order they are read.</summary>
    public IReadOnlyList<string> Files { get; } = files;

    /// <summary>The first (or only) file.</summary>
    public string File => Files[0];

    public IReadOnlyList<LogRecord> Records { get; } = records;

    public int QuerySeed { get; } = querySeed;

    public int QueryCount { get; } = queryCount;

    public IReadOnlyList<GeneratedQuery> Queries => _queries ??= [.. new QueryGenerator(Records, QuerySeed).Generate(QueryCount)];

    /// <summary>The outcome of each query on LINQ to Objects over <see cref="Records"/>.</summary>
    public IReadOnlyList<string> Expected
    {
        get
        {
            if (_expected is null)
            {
                IQueryable<LogRecord> objects = Records.AsQueryable();
                _expected = [.. Queries.Select(q => Normalize(Outcome.Capture(() => q.Run(objects))))];
            }

            return _expected;
        }
    }

    /// <summary>
    /// Replaces the reference file's path in an outcome, so a log read from another file with the same
    /// content (a compressed copy) compares equal.
    /// </summary>
    public Func<string, string> Normalize { get; init; } = s => s;
}

/// <summary>Runs the generated queries of a <see cref="LogUnderTest"/> on the provider and compares.</summary>
internal static class DifferentialRunner
{
    /// <summary>How many failures are described in full; the rest are only counted.</summary>
    private const int MaxReported = 8;

    /// <summary>
    /// The descriptions of the first <paramref name="limit"/> queries whose outcome on the provider over
    /// <paramref name="files"/> with <paramref name="options"/> differs from the reference; empty when all agree.
    /// </summary>
    public static List<string> Run(LogUnderTest log, IReadOnlyList<string> files, LogSourceOptions options, int limit, Func<string, string>? normalize = null)
    {
        normalize ??= s => s;
        IQueryable<LogRecord> logs = LogSource.Open(files, options);
        var failures = new List<string>();
        int failed = 0;
        for (int i = 0; i < Math.Min(limit, log.Queries.Count); i++)
        {
            GeneratedQuery query = log.Queries[i];
            string expected = log.Expected[i];
            string actual = normalize(Outcome.Capture(() => query.Run(logs)));
            if (expected == actual)
            {
                continue;
            }

            failed++;
            if (failures.Count < MaxReported)
            {
                failures.Add(Describe(log, options, query, expected, actual));
            }
        }

        if (failed > failures.Count)
        {
            failures.Add($"... and {failed - failures.Count} more of {log.Queries.Count} queries differ (seed {log.QuerySeed}).");
        }

        return failures;
    }

    public static string Describe(LogUnderTest log, LogSourceOptions options, GeneratedQuery query, string expected, string actual)
    {
        int at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        return $"""
            {log.Name}: query seed {log.QuerySeed}, {query}
              options: MaxDegreeOfParallelism = {options.MaxDegreeOfParallelism}, MinPartSize = {options.MinPartSize}
              first difference at character {at}
              LINQ to Objects: {Excerpt(expected, at)}
              provider:        {Excerpt(actual, at)}
            """;
    }

    private static string Excerpt(string text, int at)
    {
        int start = Math.Max(0, at - 150);
        int length = Math.Min(text.Length - start, 450);
        return $"(length {text.Length}) {(start > 0 ? "…" : "")}{text.Substring(start, length)}{(start + length < text.Length ? "…" : "")}";
    }

    /// <summary>Times <paramref name="action"/>, for the test output.</summary>
    public static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }
}

using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Cli.Report;

/// <summary>
/// Answers the questions of the generator tutorial about a web server's logs, in one pass. Each
/// question is an ordinary LINQ query; a <see cref="LogBatch"/> answers them all with one parallel
/// scan that keeps only the distinct hosts and paths it needs, never the records, so logs of any
/// size fit. It knows nothing of the command line.
/// </summary>
internal sealed class TutorialReport
{
    /// <summary>A request "over 1 MB" sent more than this many bytes (decimal megabytes, as disks count).</summary>
    public const long OneMegabyte = 1_000_000;

    /// <summary>How many of the most downloaded files are kept in <see cref="TopDownloads"/>.</summary>
    public const int TopDownloadCount = 10;

    /// <summary>The path crawlers ask for; who asked is a fair guess at who is a robot.</summary>
    public const string RobotsPath = "/robots.txt";

    /// <summary>Records read.</summary>
    public long Records { get; private init; }

    /// <summary>The sum of the bytes sent by every request.</summary>
    public long TotalBytes { get; private init; }

    /// <summary>Requests that sent more than <see cref="OneMegabyte"/> bytes.</summary>
    public long OverOneMegabyte { get; private init; }

    /// <summary>The request that sent the most bytes, the first one seen on a tie; null when there were no records.</summary>
    public DocumentSize? Largest { get; private init; }

    /// <summary>How many distinct hosts made requests.</summary>
    public int UniqueHosts { get; private init; }

    /// <summary>The distinct paths that got a 404 (Not Found), in ordinal order.</summary>
    public IReadOnlyList<string> BrokenDocuments { get; private init; } = [];

    /// <summary>The distinct hosts that asked for <see cref="RobotsPath"/>, in ordinal order.</summary>
    public IReadOnlyList<string> RobotsHosts { get; private init; } = [];

    /// <summary>
    /// The <see cref="TopDownloadCount"/> paths with the most 200 (OK) responses, most first; paths with
    /// the same count in ordinal order, so the list does not depend on the order of the input.
    /// </summary>
    public IReadOnlyList<DownloadCount> TopDownloads { get; private init; } = [];

    /// <summary>
    /// Asks every question of <paramref name="logs"/> as a LINQ query, all answered by one parallel
    /// pass over the files (<see cref="LogBatch"/>).
    /// </summary>
    public static TutorialReport Ask(IQueryable<LogRecord> logs)
    {
        var batch = new LogBatch(logs);
        var records = batch.Add(q => q.LongCount());
        var totalBytes = batch.Add(q => q.Sum(r => r.Bytes));
        var overOneMegabyte = batch.Add(q => q.LongCount(r => r.Bytes > OneMegabyte));
        var largest = batch.Add(q => q.MaxBy(r => r.Bytes));
        var uniqueHosts = batch.Add(q => q.Select(r => r.Host).Distinct().Count());
        var broken = batch.Add(q => q.Where(r => r.Status == 404).Select(r => r.Path).Distinct().ToList());
        var robots = batch.Add(q => q.Where(r => r.Path == RobotsPath).Select(r => r.Host).Distinct().ToList());
        var downloads = batch.Add(q => q.Where(r => r.Status == 200).GroupBy(r => r.Path)
            .Select(g => new DownloadCount(g.Key, g.LongCount())).ToList());
        batch.Run();
        return new TutorialReport
        {
            Records = records.Value,
            TotalBytes = TotalOf(totalBytes),
            OverOneMegabyte = overOneMegabyte.Value,
            Largest = largest.Value is { } r ? new DocumentSize(r.Path, r.Bytes) : null,
            UniqueHosts = uniqueHosts.Value,
            BrokenDocuments = Sorted(broken.Value),
            RobotsHosts = Sorted(robots.Value),
            TopDownloads =
            [
                .. downloads.Value
                    .OrderByDescending(d => d.Count)
                    .ThenBy(d => d.Path, StringComparer.Ordinal)
                    .Take(TopDownloadCount),
            ],
        };
    }

    /// <summary>The sum of bytes: the one answer a log can overflow (counts would need 2^63 lines), which fails the report.</summary>
    private static long TotalOf(LogBatchResult<long> totalBytes)
    {
        try
        {
            return totalBytes.Value;
        }
        catch (OverflowException e)
        {
            throw new OverflowException("the sum of bytes does not fit in a 64-bit integer (arithmetic overflow)", e);
        }
    }

    private static string[] Sorted(List<string> items)
    {
        string[] sorted = [.. items];
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }
}

using System.Runtime.InteropServices;
using LogLinq.Records;

namespace LogLinq.Cli.Report;

/// <summary>
/// Answers the questions of the generator tutorial about a web server's logs, in one pass: feed it
/// every record with <see cref="Add"/>, then read the answers. It holds only the distinct hosts and
/// paths it needs, never the records, so logs of any size fit. It knows nothing of the command line,
/// so it can move into the library as it is.
/// </summary>
internal sealed class TutorialReport
{
    /// <summary>A request "over 1 MB" sent more than this many bytes (decimal megabytes, as disks count).</summary>
    public const long OneMegabyte = 1_000_000;

    /// <summary>How many of the most downloaded files are kept in <see cref="TopDownloads"/>.</summary>
    public const int TopDownloadCount = 10;

    /// <summary>The path crawlers ask for; who asked is a fair guess at who is a robot.</summary>
    public const string RobotsPath = "/robots.txt";

    private readonly HashSet<string> _hosts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _brokenDocuments = new(StringComparer.Ordinal);
    private readonly HashSet<string> _robotsHosts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _downloads = new(StringComparer.Ordinal);

    /// <summary>Records added.</summary>
    public long Records { get; private set; }

    /// <summary>The sum of the bytes sent by every request.</summary>
    public long TotalBytes { get; private set; }

    /// <summary>Requests that sent more than <see cref="OneMegabyte"/> bytes.</summary>
    public long OverOneMegabyte { get; private set; }

    /// <summary>The request that sent the most bytes, the first one seen on a tie; null before any record.</summary>
    public DocumentSize? Largest { get; private set; }

    /// <summary>How many distinct hosts made requests.</summary>
    public int UniqueHosts => _hosts.Count;

    /// <summary>The distinct paths that got a 404 (Not Found), in ordinal order.</summary>
    public IReadOnlyList<string> BrokenDocuments => Sorted(_brokenDocuments);

    /// <summary>The distinct hosts that asked for <see cref="RobotsPath"/>, in ordinal order.</summary>
    public IReadOnlyList<string> RobotsHosts => Sorted(_robotsHosts);

    /// <summary>
    /// The <see cref="TopDownloadCount"/> paths with the most 200 (OK) responses, most first; paths with
    /// the same count in ordinal order, so the list does not depend on the order of the input.
    /// </summary>
    public IReadOnlyList<DownloadCount> TopDownloads =>
    [
        .. _downloads
            .OrderByDescending(d => d.Value)
            .ThenBy(d => d.Key, StringComparer.Ordinal)
            .Take(TopDownloadCount)
            .Select(d => new DownloadCount(d.Key, d.Value)),
    ];

    /// <summary>Counts one record towards every answer.</summary>
    public void Add(LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);

        Records++;
        long bytes = record.Bytes;
        TotalBytes += bytes;
        if (bytes > OneMegabyte)
        {
            OverOneMegabyte++;
        }

        // Strictly greater, so the first of equally large documents stays.
        if (Largest is not { } largest || bytes > largest.Bytes)
        {
            Largest = new DocumentSize(record.Path, bytes);
        }

        string host = record.Host;
        _hosts.Add(host);

        string path = record.Path;
        switch (record.Status)
        {
            case 200:
                CollectionsMarshal.GetValueRefOrAddDefault(_downloads, path, out _)++;
                break;
            case 404:
                _brokenDocuments.Add(path);
                break;
        }

        if (path == RobotsPath)
        {
            _robotsHosts.Add(host);
        }
    }

    private static string[] Sorted(HashSet<string> set)
    {
        string[] items = [.. set];
        Array.Sort(items, StringComparer.Ordinal);
        return items;
    }
}

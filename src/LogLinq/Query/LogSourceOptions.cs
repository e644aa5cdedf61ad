using LogLinq.Formats;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Query;

/// <summary>How <see cref="LogSource"/> reads its files.</summary>
public sealed record LogSourceOptions
{
    /// <summary>The defaults: the format detected per file, malformed lines skipped, every core, no cancellation.</summary>
    public LogSourceOptions()
    {
    }

    /// <summary>The log format; <see cref="LogFormat.Auto"/> (the default) detects it per file.</summary>
    public LogFormat Format { get; init; } = LogFormat.Auto;

    /// <summary>Stop at the first malformed line with <see cref="MalformedLogException"/> instead of skipping it.</summary>
    public bool Strict { get; init; }

    /// <summary>How many workers a parallel scan may use; 1 scans sequentially. Defaults to the number of cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Told how far a scan has got, a few times a second.</summary>
    public IProgress<ScanProgress>? Progress { get; init; }

    /// <summary>
    /// Receives the count of records and malformed lines of every scan. A query whose filter gives a
    /// literal pre-filter (<c>Explain()</c> shows it) does not parse the lines the pre-filter rules
    /// out, so for it these counts cover only the lines it read.
    /// </summary>
    public ParseReport? Report { get; init; }

    /// <summary>
    /// Read a file whose bytes cannot all be read (a <c>.gz</c> cut short because it is still being
    /// written, or damaged; a disk's read error) up to its damage, and pass over one that cannot be
    /// opened (logrotate deleted it since the glob found it; not readable), name it in
    /// <see cref="ParseReport.DamagedFiles"/>, and go on with the next file, rather than stop the scan
    /// with a <see cref="LogSourceException"/>. Off by default, since without a report to look at
    /// the answer would be short without a word; ignored in <see cref="Strict"/> mode. A record stream
    /// that is damaged, and standard input, still stop the scan.
    /// </summary>
    public bool SkipDamagedFiles { get; init; }

    /// <summary>Receives the bytes read and files opened, to see what a query cost.</summary>
    public ReadCounters? Counters { get; init; }

    /// <summary>
    /// The smallest byte range a plain file is cut into for parallel workers (files under twice this
    /// are read whole). Internal: tests lower it to exercise splitting on small files.
    /// </summary>
    internal long MinPartSize { get; init; } = 8L * 1024 * 1024;

    /// <summary>Stops a running scan.</summary>
    public CancellationToken CancellationToken { get; init; }
}

using LogLinq.Sources;

namespace LogLinq.Cli.Report;

/// <summary>
/// How far a scan has got, in bytes of the files on disk, for the progress bar. The file being read
/// is known exactly; within it, <see cref="ReadCounters.BytesRead"/> is used as far as it stays inside
/// that file's share, so the position never runs ahead whether the counter counts compressed or
/// decompressed bytes.
/// </summary>
internal sealed class ScanPosition(IReadOnlyList<string> files, ReadCounters counters)
{
    private long[]? _sizes;
    private volatile int _current = -1;

    /// <summary>The size of all the files, looked up on first use (the bar may never need it).</summary>
    public long TotalBytes() => Sizes().Sum();

    /// <summary>How many of <see cref="TotalBytes"/> are behind the scan. Safe to call from another thread.</summary>
    public long BytesDone()
    {
        long[] sizes = Sizes();
        int current = _current;
        if (current < 0)
        {
            return 0;
        }

        long before = 0;
        for (int i = 0; i < current && i < sizes.Length; i++)
        {
            before += sizes[i];
        }

        long currentSize = current < sizes.Length ? sizes[current] : 0;
        return Math.Clamp(counters.BytesRead, before, before + currentSize);
    }

    /// <summary>Called on the scanning thread as each file is opened.</summary>
    public void Reached(string path)
    {
        // Files are opened in the order they were listed, so the next one is after the current one;
        // searching on from there also tells apart a file listed twice.
        for (int i = _current + 1; i < files.Count; i++)
        {
            if (ReferenceEquals(files[i], path) || files[i] == path)
            {
                _current = i;
                return;
            }
        }
    }

    private long[] Sizes() => _sizes ??= [.. files.Select(SizeOf)];

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The scan itself will report the file; the bar just counts it as empty.
            return 0;
        }
    }
}

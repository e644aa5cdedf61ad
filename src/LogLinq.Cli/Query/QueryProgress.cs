using LogLinq.Pipeline;
using LogLinq.Sources;

namespace LogLinq.Cli.Query;

/// <summary>
/// How far a query's scan has got, for the progress bar: bytes read from disk (compressed bytes for
/// compressed files) out of the size of the files on disk.
/// </summary>
internal sealed class QueryProgress(IReadOnlyList<string> globs, ReadCounters counters)
{
    /// <summary>The size of every file the globs match; called once, when the bar appears.</summary>
    public long TotalBytes()
    {
        try
        {
            return LogPipeline.Find([.. globs]).Sum(FoundFileSize.Of);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LogSourceException)
        {
            // The scan itself reports what is wrong with the files; the bar just shows no total.
            return 0;
        }
    }

    /// <summary>The bytes read so far.</summary>
    public long BytesDone() => counters.BytesRead;
}

namespace LogLinq.Sources;

/// <summary>
/// Counts what reading log files cost: bytes read from disk and files opened and closed. Give one to
/// <see cref="Query.LogSourceOptions.Counters"/> or <see cref="Pipeline.LogPipeline.Open"/> and read it
/// during or after a scan (for a progress bar, or to see that a query read no more than it needed).
/// Safe to share between threads; only LogLinq counts into it.
/// </summary>
public sealed class ReadCounters
{
    private long _bytesRead;
    private int _filesOpened;
    private int _filesClosed;

    /// <summary>Counters at zero, to give to a query or a pipeline.</summary>
    public ReadCounters()
    {
    }

    /// <summary>
    /// Raw bytes read from disk: for a compressed file, its compressed bytes, not what they
    /// decompress to.
    /// </summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>The number of files opened.</summary>
    public int FilesOpened => Volatile.Read(ref _filesOpened);

    /// <summary>The number of files closed; equal to <see cref="FilesOpened"/> once every reader is disposed.</summary>
    public int FilesClosed => Volatile.Read(ref _filesClosed);

    /// <summary>Adds <paramref name="count"/> bytes to <see cref="BytesRead"/>.</summary>
    /// <param name="count">The number of bytes just read; not negative.</param>
    internal void AddBytes(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Interlocked.Add(ref _bytesRead, count);
    }

    /// <summary>Records that a file was opened.</summary>
    internal void FileOpened() => Interlocked.Increment(ref _filesOpened);

    /// <summary>Records that a file was closed.</summary>
    internal void FileClosed() => Interlocked.Increment(ref _filesClosed);
}

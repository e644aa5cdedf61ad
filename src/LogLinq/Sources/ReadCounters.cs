namespace LogLinq.Sources;

/// <summary>
/// Counts what reading log files cost: bytes read from disk and files opened and closed. Safe to
/// share between threads. Tests use it to prove that a query reads no more than it needs.
/// </summary>
public sealed class ReadCounters
{
    private long _bytesRead;
    private int _filesOpened;
    private int _filesClosed;

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
    public void AddBytes(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Interlocked.Add(ref _bytesRead, count);
    }

    /// <summary>Records that a file was opened.</summary>
    public void FileOpened() => Interlocked.Increment(ref _filesOpened);

    /// <summary>Records that a file was closed.</summary>
    public void FileClosed() => Interlocked.Increment(ref _filesClosed);
}

namespace LogLinq.Sources;

/// <summary>STUB — replaced by the sources branch.</summary>
public sealed class ReadCounters
{
    private long _bytes;
    private int _opened;
    private int _closed;

    /// <summary>stub</summary>
    public long BytesRead => Interlocked.Read(ref _bytes);

    /// <summary>stub</summary>
    public int FilesOpened => _opened;

    /// <summary>stub</summary>
    public int FilesClosed => _closed;

    /// <summary>stub</summary>
    public void AddBytes(long n) => Interlocked.Add(ref _bytes, n);

    /// <summary>stub</summary>
    public void FileOpened() => Interlocked.Increment(ref _opened);

    /// <summary>stub</summary>
    public void FileClosed() => Interlocked.Increment(ref _closed);
}

namespace LogLinq.Sources;

/// <summary>
/// Passes reads through to a file and reports them to <see cref="ReadCounters"/>: the bytes as they
/// come off the disk, the file's opening on construction and its closing exactly once on dispose.
/// Counting happens once per read call, never per byte, so it costs nothing next to the read.
/// </summary>
internal sealed class CountingStream : Stream
{
    private readonly Stream _inner;
    private readonly ReadCounters? _counters;
    private int _disposed;

    /// <summary>Wraps <paramref name="inner"/>, which this stream then owns, and counts it as opened.</summary>
    public CountingStream(Stream inner, ReadCounters? counters)
    {
        _inner = inner;
        _counters = counters;
        counters?.FileOpened();
    }

    public override bool CanRead => _inner.CanRead;

    // Seeking is passed through so that a decoder can step back over bytes it peeked at; nothing
    // is counted for it, since no byte is read.
    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override int Read(Span<byte> buffer)
    {
        int read = _inner.Read(buffer);
        _counters?.AddBytes(read);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = _inner.Read(buffer, offset, count);
        _counters?.AddBytes(read);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _counters?.AddBytes(read);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // Decoders may dispose the stream they read from as well as their owner does: the file is
        // closed, and counted closed, on the first of those only.
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _inner.Dispose();
            _counters?.FileClosed();
        }

        base.Dispose(disposing);
    }
}

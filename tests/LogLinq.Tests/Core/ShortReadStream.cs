namespace LogLinq.Tests.Core;

/// <summary>
/// Wraps a real stream (a <see cref="FileStream"/> in these tests) and hands out at most
/// <c>maxBytesPerRead</c> bytes per <see cref="Read(byte[], int, int)"/>, as pipes, sockets and
/// decompressors may. It also counts what was read and whether it was disposed, so the tests can
/// see how much of a file a lazy pipeline consumed.
/// </summary>
internal sealed class ShortReadStream(Stream inner, int maxBytesPerRead = int.MaxValue) : Stream
{
    public long BytesRead { get; private set; }

    public int Reads { get; private set; }

    public bool IsDisposed { get; private set; }

    public override bool CanRead => !IsDisposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public static ShortReadStream OpenFile(string path, int maxBytesPerRead = int.MaxValue) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0), maxBytesPerRead);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        int n = inner.Read(buffer[..Math.Min(buffer.Length, maxBytesPerRead)]);
        BytesRead += n;
        Reads++;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !IsDisposed)
        {
            IsDisposed = true;
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

using LogLinq.Sources;

namespace LogLinq.Query.Execution;

/// <summary>
/// A file read for one byte range of a parallel scan: large reads up to the range's end, then small
/// ones, because past the end only the rest of the last line is wanted — the next part reads on.
/// Those grow as they go, for a last line that turns out long (one over 16 MB is read to its end).
/// </summary>
internal sealed class RangeStream(FileStream file, long end) : ReadOnlyStream
{
    private const int TailReadSize = 4096;

    private const int MaxTailReadSize = 1024 * 1024;

    private int _tailReadSize = TailReadSize;

    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        long position = file.Position;
        long allowed = end - position;
        if (allowed <= 0)
        {
            allowed = _tailReadSize;
            _tailReadSize = Math.Min(2 * _tailReadSize, MaxTailReadSize);
        }

        int read = file.Read(buffer[..(int)Math.Min(buffer.Length, allowed)]);
        BytesRead += read;
        return read;
    }

    public override long Position { get => file.Position; set => throw new NotSupportedException(); }
}

using LogLinq.Sources;

namespace LogLinq.Query.Execution;

/// <summary>
/// A file read for one byte range of a parallel scan: large reads up to the range's end, then small
/// ones, because past the end only the rest of the last line is wanted — the next part reads on.
/// </summary>
internal sealed class RangeStream(FileStream file, long end) : ReadOnlyStream
{
    private const int TailReadSize = 4096;

    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        long position = file.Position;
        long allowed = position < end ? end - position : TailReadSize;
        int read = file.Read(buffer[..(int)Math.Min(buffer.Length, allowed)]);
        BytesRead += read;
        return read;
    }

    public override long Position { get => file.Position; set => throw new NotSupportedException(); }
}

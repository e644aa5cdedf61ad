namespace LogLinq.Sources;

/// <summary>
/// A stream that cannot seek, after its first bytes were read to tell what it holds (a codec's or a
/// record stream's magic): it hands those bytes out again, then reads on. Disposing it disposes the stream.
/// </summary>
internal sealed class PrefixedStream : ReadOnlyStream
{
    private readonly byte[] _prefix;
    private readonly Stream _rest;
    private int _next;

    private PrefixedStream(byte[] prefix, Stream rest)
    {
        _prefix = prefix;
        _rest = rest;
    }

    /// <summary>The bytes read to peek: as many as were asked for, fewer only when the stream is shorter.</summary>
    public ReadOnlySpan<byte> Prefix => _prefix;

    /// <summary>Reads up to <paramref name="count"/> bytes of <paramref name="stream"/> (waiting for them on a pipe) and wraps it so they are read again.</summary>
    public static PrefixedStream Peek(Stream stream, int count)
    {
        byte[] prefix = new byte[count];
        int read = stream.ReadAtLeast(prefix, count, throwOnEndOfStream: false);
        return new PrefixedStream(read == count ? prefix : prefix[..read], stream);
    }

    public override int Read(Span<byte> buffer)
    {
        if (_next < _prefix.Length)
        {
            int count = Math.Min(buffer.Length, _prefix.Length - _next);
            _prefix.AsSpan(_next, count).CopyTo(buffer);
            _next += count;
            return count;
        }

        return _rest.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rest.Dispose();
        }

        base.Dispose(disposing);
    }
}

using SharpCompress.Compressors.Xz;

namespace LogLinq.Sources;

/// <summary>
/// Decompresses xz data made of one or more streams, as <c>cat a.xz b.xz</c> or <c>xz</c> itself
/// writes, separated by optional stream padding (null bytes in groups of four).
/// </summary>
/// <remarks>
/// SharpCompress's <see cref="XZStream"/> decodes a single stream and stops after its footer, leaving
/// the source positioned just past it; the xz format allows more streams to follow, and
/// <c>xz -d</c> decodes them all. So each following stream gets a new decoder. Anything after the
/// last stream that is neither padding nor another stream is an error, as it is for <c>xz -d</c>.
/// </remarks>
internal sealed class ConcatenatedXzStream : Stream
{
    private const int PaddingUnit = 4;

    private readonly Stream _source;
    private XZStream? _current;
    private bool _ended;

    /// <summary>Decodes <paramref name="source"/>, which must be seekable and which this stream then owns.</summary>
    public ConcatenatedXzStream(Stream source)
    {
        _source = source;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    // XZStream implements only the array overload, so this class does too; the base class bridges
    // a span read to it (a rented array and a copy, once per read call).
    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        while (!_ended && count > 0)
        {
            _current ??= new XZStream(_source);
            int read = _current.Read(buffer, offset, count);
            if (read > 0)
            {
                return read;
            }

            _current = null;
            _ended = !SkipToNextStream();
        }

        return 0;
    }

    /// <summary>
    /// Skips stream padding after a stream's footer; true if another stream follows, positioned at its
    /// start, false at the end of the file.
    /// </summary>
    private bool SkipToNextStream()
    {
        Span<byte> unit = stackalloc byte[PaddingUnit];
        while (true)
        {
            int length = _source.ReadAtLeast(unit, unit.Length, throwOnEndOfStream: false);
            if (length == 0)
            {
                return false;
            }

            if (length == unit.Length && !unit.ContainsAnyExcept((byte)0))
            {
                continue;
            }

            // Stream padding comes in whole units, so a stream header can only start at a unit boundary.
            if (length == unit.Length && unit.SequenceEqual(XzMagicStart))
            {
                _source.Seek(-length, SeekOrigin.Current);
                return true;
            }

            throw new InvalidDataException("Unexpected data after the end of the xz stream.");
        }
    }

    private static ReadOnlySpan<byte> XzMagicStart => [0xFD, 0x37, 0x7A, 0x58];

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _source.Dispose();
        }

        base.Dispose(disposing);
    }
}

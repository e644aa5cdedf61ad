using SharpCompress.Compressors.BZip2;
using SharpCompress.Compressors.Xz;
using SharpCompressionMode = SharpCompress.Compressors.CompressionMode;

namespace LogLinq.Sources;

/// <summary>
/// Decodes a file made of several compressed streams of one format, one after another, as
/// <c>cat a.xz b.xz</c>, <c>pbzip2</c> or <c>cat a.bz2 b.bz2</c> write them, with a new decoder for
/// each stream. What may follow the last stream is decided as the format's own tool decides it.
/// </summary>
/// <remarks>
/// SharpCompress's <see cref="XZStream"/> decodes one stream only. Its <see cref="BZip2Stream"/> can
/// decode concatenated streams itself, but it then looks for the next stream before handing out
/// the end of the current one: trailing garbage, which <c>bzip2 -d</c> ignores, fails the file and
/// loses its last block. Decoding one stream at a time avoids both; each decoder stops exactly at
/// the end of its stream, so the next one starts where it should.
/// </remarks>
internal sealed class ConcatenatedStream : ReadOnlyStream
{
    private const int XzPaddingUnit = 4;

    private readonly Stream _source;
    private readonly Func<Stream, Stream> _createDecoder;
    private readonly Func<Stream, bool> _skipToNextStream;
    private Stream? _current;
    private bool _ended;

    private ConcatenatedStream(Stream source, Func<Stream, Stream> createDecoder, Func<Stream, bool> skipToNextStream)
    {
        _source = source;
        _createDecoder = createDecoder;
        _skipToNextStream = skipToNextStream;
    }

    /// <summary>Decodes xz streams from <paramref name="source"/>, which must be seekable and which the result owns.</summary>
    public static ConcatenatedStream Xz(Stream source) =>
        new(source, static source => new XZStream(source), SkipToNextXzStream);

    /// <summary>Decodes bzip2 streams from <paramref name="source"/>, which must be seekable and which the result owns.</summary>
    public static ConcatenatedStream Bzip2(Stream source) =>
        new(
            source,
            static source => BZip2Stream.Create(source, SharpCompressionMode.Decompress, decompressConcatenated: false, leaveOpen: true),
            SkipToNextBzip2Stream);

    public override int Read(Span<byte> buffer)
    {
        // Span reads all the way down: BZip2Stream's array overload is three times slower than its
        // span overload. (XZStream has only the array one, and bridges a span to it itself.)
        while (!_ended && !buffer.IsEmpty)
        {
            _current ??= _createDecoder(_source);
            int read = _current.Read(buffer);
            if (read > 0)
            {
                return read;
            }

            // Not disposed: that could close the source, which the next stream still needs.
            _current = null;
            _ended = !_skipToNextStream(_source);
        }

        return 0;
    }

    /// <summary>
    /// Skips xz stream padding (null bytes in groups of four); true if another stream follows,
    /// positioned at its start. Anything else after a stream is an error, as for <c>xz -d</c>.
    /// </summary>
    private static bool SkipToNextXzStream(Stream source)
    {
        Span<byte> unit = stackalloc byte[XzPaddingUnit];
        while (true)
        {
            int length = source.ReadAtLeast(unit, unit.Length, throwOnEndOfStream: false);
            if (length == 0)
            {
                return false;
            }

            if (length == unit.Length && !unit.ContainsAnyExcept((byte)0))
            {
                continue;
            }

            // Padding comes in whole units, so a stream header can only start at a unit boundary.
            if (length == unit.Length && unit.SequenceEqual(XzMagicStart))
            {
                source.Seek(-length, SeekOrigin.Current);
                return true;
            }

            throw new InvalidDataException("Unexpected data after the end of the xz stream.");
        }
    }

    /// <summary>
    /// True if another bzip2 stream follows, positioned at its start. Anything else after a stream
    /// is ignored, as <c>bzip2 -d</c> ignores it (with a warning): the data before it is complete
    /// and checked.
    /// </summary>
    private static bool SkipToNextBzip2Stream(Stream source)
    {
        Span<byte> header = stackalloc byte[4];
        int length = source.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (CompressionDetector.Detect(header[..length]) != Compression.Bzip2)
        {
            return false;
        }

        source.Seek(-length, SeekOrigin.Current);
        return true;
    }

    private static ReadOnlySpan<byte> XzMagicStart => [0xFD, 0x37, 0x7A, 0x58];

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _source.Dispose();
        }

        base.Dispose(disposing);
    }
}

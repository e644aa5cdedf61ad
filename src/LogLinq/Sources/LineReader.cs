using System.Runtime.CompilerServices;
using System.Buffers;

namespace LogLinq.Sources;

/// <summary>
/// Splits a byte stream into lines without copying them: <see cref="Current"/> is a view into a
/// buffer that is reused from line to line, so a line is only valid until the next
/// <see cref="MoveNext"/>. Handles LF and CRLF endings, a last line without a newline, and lines
/// longer than the buffer (the buffer grows, up to <see cref="MaxLineLength"/>).
/// </summary>
internal sealed class LineReader : IDisposable
{
    /// <summary>The size of one read: the unit in which laziness is measured.</summary>
    public const int DefaultBufferSize = 64 * 1024;

    /// <summary>
    /// A line longer than this is cut into pieces of this size rather than buffered whole, so that a
    /// file of binary noise without newlines cannot exhaust memory.
    /// </summary>
    public const int MaxLineLength = 16 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private byte[] _buffer;
    private int _start;       // first byte not yet returned
    private int _end;         // one past the last byte read
    private int _lineStart;
    private int _lineLength;
    private int _scanned;     // bytes from _start already known to hold no newline
    private bool _eof;
    private long _bufferOffset; // stream position of _buffer[0]

    public LineReader(Stream stream, int bufferSize = DefaultBufferSize, bool ownsStream = true)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    /// <summary>The current line, without its line terminator.</summary>
    public ReadOnlySpan<byte> Current => _buffer.AsSpan(_lineStart, _lineLength);

    /// <summary>The current line as memory; valid until the next <see cref="MoveNext"/>.</summary>
    public ReadOnlyMemory<byte> CurrentMemory => _buffer.AsMemory(_lineStart, _lineLength);

    /// <summary>The buffer that holds the current line, and where in it the line starts.</summary>
    public (byte[] Buffer, int Start) CurrentLocation => (_buffer, _lineStart);

    /// <summary>The 1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The position in the stream of the current line's first byte.</summary>
    public long LineOffset => _bufferOffset + _lineStart;

    /// <summary>Whether the current line was cut at <see cref="MaxLineLength"/>.</summary>
    public bool IsTruncated { get; private set; }

    /// <summary>Advances to the next line; false at the end of the stream.</summary>
    // Per line: optimised from the first call, since tiering would run the first tenth of a second of
    // a scan (much of a short one) unoptimised.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext()
    {
        while (true)
        {
            ReadOnlySpan<byte> pending = _buffer.AsSpan(_start, _end - _start);

            // Only the bytes not searched yet: rescanning the whole unfinished line after every short
            // read would make a long line delivered in small pieces cost quadratic time.
            int newline = pending[_scanned..].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                newline += _scanned;
                return SetLine(WithoutCarriageReturn(pending[..newline]), newline + 1);
            }

            _scanned = pending.Length;
            if (_eof)
            {
                // The last line of a file that does not end in a newline.
                return !pending.IsEmpty && SetLine(WithoutCarriageReturn(pending), pending.Length);
            }

            // More than a maximum line plus a possible '\r' and still no newline: the line is too long
            // whatever follows. (Cutting at exactly MaxLineLength bytes would turn a line of exactly
            // that length into a piece and a phantom empty line.)
            if (pending.Length > MaxLineLength + 1)
            {
                return SetLine(pending.Length, pending.Length);
            }

            Fill();
        }
    }

    /// <summary>
    /// Advances to the next line that contains <paramref name="literal"/>, the way grep does: one
    /// vectorised search over the whole buffer, the lines before a hit skipped without being split,
    /// only counted (so <see cref="LineNumber"/> stays right). A line that starts at or after
    /// <paramref name="stopOffset"/> is not skipped but returned, whatever it holds, so a caller that
    /// reads a range can stop there.
    /// </summary>
    // Per line: optimised from the first call, since tiering would run the first tenth of a second of
    // a scan (much of a short one) unoptimised.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNextContaining(ReadOnlySpan<byte> literal, long stopOffset)
    {
        while (true)
        {
            ReadOnlySpan<byte> pending = _buffer.AsSpan(_start, _end - _start);
            int hit = pending.IndexOf(literal);
            ReadOnlySpan<byte> before = hit >= 0 ? pending[..hit] : pending;
            int skip = before.LastIndexOf((byte)'\n') + 1;

            long stopIndex = stopOffset - (_bufferOffset + _start);
            if (stopIndex < skip)
            {
                // Skip no line that starts at or after the stop: only up to the first such line start.
                int from = (int)Math.Max(0, stopIndex - 1);
                int newline = pending[from..skip].IndexOf((byte)'\n');
                skip = stopIndex <= 0 ? 0 : from + newline + 1;
            }

            // Lines longer than MaxLineLength are cut into pieces by MoveNext; leave such (rare)
            // stretches to it, so that both count lines the same way.
            if (skip > 0 && skip <= MaxLineLength)
            {
                LineNumber += pending[..skip].Count((byte)'\n');
                _start += skip;
                _scanned = 0;
                pending = pending[skip..];
            }

            bool stopped = stopIndex <= skip;
            if (hit >= 0 || stopped || skip == 0 || _eof)
            {
                return MoveNext();
            }

            Fill();
        }
    }

    /// <summary>
    /// The whole lines buffered after the current one, at most <paramref name="maxBytes"/> of them, for
    /// a caller that splits them itself (one vectorised pass over many lines instead of a call per line)
    /// and then calls <see cref="Skip"/>; reads first when no whole line is buffered. Empty when the next
    /// line is not whole within <paramref name="maxBytes"/> (a long line, or the last line of the stream
    /// without a newline) and at the end of the stream: <see cref="MoveNext"/> takes it from there.
    /// </summary>
    public LineBlock PeekLines(int maxBytes)
    {
        while (true)
        {
            ReadOnlySpan<byte> pending = _buffer.AsSpan(_start, _end - _start);
            ReadOnlySpan<byte> window = pending[..Math.Min(pending.Length, maxBytes)];
            int last = window.LastIndexOf((byte)'\n');
            if (last >= 0)
            {
                return new LineBlock(window[..(last + 1)], _buffer, _start, _bufferOffset + _start, LineNumber + 1);
            }

            if (_eof || window.Length < pending.Length || _end - _start >= _buffer.Length)
            {
                return default;
            }

            Fill();
        }
    }

    /// <summary>Moves past the first <paramref name="lines"/> lines, <paramref name="bytes"/> bytes, of the last <see cref="PeekLines"/>.</summary>
    public void Skip(int bytes, long lines)
    {
        _start += bytes;
        _scanned = 0;
        _lineLength = 0;
        LineNumber += lines;
    }

    /// <summary>The length of <paramref name="line"/> without a final <c>'\r'</c> (CRLF endings).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int WithoutCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line.Length - 1 : line.Length;

    /// <summary>
    /// Makes the next <paramref name="length"/> bytes the current line and consumes
    /// <paramref name="consumed"/> bytes; a line longer than <see cref="MaxLineLength"/> is cut there.
    /// </summary>
    private bool SetLine(int length, int consumed)
    {
        IsTruncated = length > MaxLineLength;
        if (IsTruncated)
        {
            length = consumed = MaxLineLength;
        }

        _lineStart = _start;
        _lineLength = length;
        _start += consumed;
        _scanned = Math.Max(0, _scanned - consumed);
        LineNumber++;
        return true;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            // Keep the unfinished line, move it to the front.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }
        else if (_end == _buffer.Length)
        {
            // A line longer than the buffer: grow rather than fail.
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, MaxLineLength + DefaultBufferSize));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream.Dispose();
        }

        byte[] buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

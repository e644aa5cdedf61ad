using System.Runtime.CompilerServices;
using System.Buffers;

namespace LogLinq.Sources;

/// <summary>
/// Splits a byte stream into lines without copying them: <see cref="Current"/> is a view into a
/// buffer that is reused from line to line, so a line is only valid until the next
/// <see cref="MoveNext"/>. Handles LF and CRLF endings, a last line without a newline, and lines
/// longer than the buffer (the buffer grows, up to <see cref="MaxLineLength"/>). A line longer than
/// that is passed over whole, read to its newline without being held, and counted as one line: the
/// reader tells <see cref="OverlongLine"/> of it.
/// </summary>
internal sealed class LineReader : IDisposable
{
    /// <summary>The size of one read: the unit in which laziness is measured.</summary>
    public const int DefaultBufferSize = 64 * 1024;

    /// <summary>
    /// A line longer than this is passed over rather than buffered whole, so that a file of binary
    /// noise without newlines cannot exhaust memory.
    /// </summary>
    public const int MaxLineLength = 16 * 1024 * 1024;

    /// <summary>Why a line longer than <see cref="MaxLineLength"/> is not a record, in a malformed line's report.</summary>
    public const string OverlongReason = "line longer than 16 MB (skipped)";

    /// <summary>Why the text before a hole of zeros in a line is not a record, in a malformed line's report.</summary>
    public const string CutReason = "line cut short by a run of NUL bytes (a crash or a copy-truncate left a hole; the text after it is read)";

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
    private long _noise;        // leading zeros of the unfinished line dropped so far (DropZeros)
    private long _lineNoise;    // those of the current line

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
    public long LineOffset => _bufferOffset + _lineStart - _lineNoise;

    /// <summary>
    /// Told of each line longer than <see cref="MaxLineLength"/> when the reader has passed over it,
    /// before the line after it is returned; may throw to stop the reading there. Such a line is never
    /// the current line, but it is counted in <see cref="LineNumber"/>: without a handler it is
    /// passed over unseen.
    /// </summary>
    public OverlongLineHandler? OverlongLine { get; set; }

    /// <summary>
    /// Told of the text of a line that a hole of zeros cut short, when the reader has passed over it:
    /// text, then zeros to the end of what was read, in a line it has to read more of (<see cref="DropZeros"/>).
    /// The text after the zeros is then read as the line, under the same number. Without a handler the
    /// text is passed over unseen.
    /// </summary>
    public CutLineHandler? CutLine { get; set; }

    /// <summary>
    /// Where the caller's lines end, for one that reads a range of the stream (and the start of the
    /// line that runs past it): a line that is passed over (over-long, or skipped by
    /// <see cref="SkipLine"/>) and reaches this position without ending is read no further, and the
    /// stream is taken to end there. Without it, every range that starts inside a long line would read
    /// the rest of it. <see cref="long.MaxValue"/> unless set.
    /// </summary>
    public long StopOffset { get; set; } = long.MaxValue;

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
                int length = WithoutCarriageReturn(pending[..newline]);

                // The buffer may hold more than a maximum line, so one that ends in it can be over-long too.
                if (length <= MaxLineLength)
                {
                    SetLine(length, newline + 1);
                    return true;
                }

                PassOverlongLine();
                continue;
            }

            _scanned = pending.Length;
            if (_eof)
            {
                // The last line of a file that does not end in a newline.
                if (pending.IsEmpty)
                {
                    return false;
                }

                int length = WithoutCarriageReturn(pending);
                if (length <= MaxLineLength)
                {
                    SetLine(length, pending.Length);
                    return true;
                }

                PassOverlongLine();
                continue;
            }

            // More than a maximum line plus a possible '\r' and still no newline: the line is too long
            // whatever follows. (Deciding at exactly MaxLineLength bytes would pass over a line of
            // exactly that length ending in CRLF.)
            if (pending.Length > MaxLineLength + 1)
            {
                PassOverlongLine();
                continue;
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
            if (skip > MaxLineLength)
            {
                // Such a stretch may hold a line over the maximum, which MoveNext passes over as one.
                if (SkipWithinMaximum(stopOffset))
                {
                    continue;
                }

                return MoveNext();
            }

            long stopIndex = stopOffset - (_bufferOffset + _start);
            if (stopIndex < skip)
            {
                skip = StartAtOrAfter(pending, skip, stopIndex);
            }

            if (skip > 0)
            {
                LineNumber += pending[..skip].Count((byte)'\n');
                _start += skip;
                _scanned = 0;
                _noise = 0; // the zeros dropped were a skipped line's
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
    /// Skips the whole lines that end within the first <see cref="MaxLineLength"/> bytes buffered (none
    /// of which can be over-long), none that starts at or after <paramref name="stopOffset"/>; false
    /// when the next line is for <see cref="MoveNext"/>: none was skipped, or the stop was reached.
    /// </summary>
    // Out of line: only after an over-long line has grown the buffer past the maximum.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool SkipWithinMaximum(long stopOffset)
    {
        ReadOnlySpan<byte> pending = _buffer.AsSpan(_start, MaxLineLength);
        int skip = pending.LastIndexOf((byte)'\n') + 1;
        long stopIndex = stopOffset - (_bufferOffset + _start);
        if (stopIndex < skip)
        {
            skip = StartAtOrAfter(pending, skip, stopIndex);
        }

        if (skip == 0)
        {
            return false;
        }

        LineNumber += pending[..skip].Count((byte)'\n');
        _start += skip;
        _scanned = 0;
        _noise = 0;
        return stopIndex > skip;
    }

    /// <summary>
    /// Where in <paramref name="pending"/> the first line that starts at or after <paramref name="stopIndex"/>
    /// starts, for a stretch of whole lines <paramref name="skip"/> bytes long that runs past it: skip
    /// no line that starts at or after the stop.
    /// </summary>
    private static int StartAtOrAfter(ReadOnlySpan<byte> pending, int skip, long stopIndex)
    {
        if (stopIndex <= 0)
        {
            return 0;
        }

        int from = (int)(stopIndex - 1);
        return from + pending[from..skip].IndexOf((byte)'\n') + 1;
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
            if (_noise > 0)
            {
                // The next line lost zeros before its text (DropZeros, in a Fill here or before): its
                // offset is not where its bytes are, which only MoveNext's LineOffset says.
                return default;
            }

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
        _lineNoise = 0;
        LineNumber += lines;
    }

    /// <summary>The length of <paramref name="line"/> without a final <c>'\r'</c> (CRLF endings).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int WithoutCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line.Length - 1 : line.Length;

    /// <summary>Makes the next <paramref name="length"/> bytes the current line and consumes <paramref name="consumed"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetLine(int length, int consumed)
    {
        _lineStart = _start;
        _lineLength = length;
        (_lineNoise, _noise) = (_noise, 0);
        _start += consumed;
        _scanned = Math.Max(0, _scanned - consumed);
        LineNumber++;
    }

    /// <summary>
    /// Moves past the next line, whatever its length, without making it the current line or telling
    /// <see cref="OverlongLine"/> of it, but counting it: for a reader that starts in the middle of a
    /// line (a range of a file), whose first line belongs to another. False at the end of the stream.
    /// </summary>
    public bool SkipLine()
    {
        while (_start == _end && !_eof)
        {
            Fill();
        }

        if (_start == _end)
        {
            return false;
        }

        LineNumber++;
        PassRestOfLine();
        return true;
    }

    /// <summary>
    /// Passes over the line that starts at <see cref="_start"/>, known to be longer than
    /// <see cref="MaxLineLength"/>: counts it and tells <see cref="OverlongLine"/>.
    /// </summary>
    // Out of line: the per-line path pays nothing for a case that a log may never have.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void PassOverlongLine()
    {
        long offset = _bufferOffset + _start - _noise;
        long number = ++LineNumber;
        PassRestOfLine();
        OverlongLine?.Invoke(number, offset);
    }

    /// <summary>
    /// Reads on to the end of the line that starts at <see cref="_start"/> (its newline, the end of the
    /// stream, or <see cref="StopOffset"/>), dropping its bytes as they come so memory stays at one
    /// buffer, and leaves no current line.
    /// </summary>
    private void PassRestOfLine()
    {
        while (true)
        {
            // Only bytes past _scanned are unsearched; those before hold no newline.
            int newline = _buffer.AsSpan(_start + _scanned, _end - _start - _scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start += _scanned + newline + 1;
                _scanned = 0;
                break;
            }

            // The whole buffer is this line's: drop it, and read the next bufferful from its start.
            _bufferOffset += _end;
            _start = _end = _scanned = 0;
            if (_eof || _bufferOffset >= StopOffset)
            {
                // Any line after this one would start past the stop: none is the caller's.
                _eof = true;
                break;
            }

            Fill();
        }

        _lineStart = _start;
        _lineLength = 0;
        (_lineNoise, _noise) = (0, 0);
    }

    /// <summary>
    /// Drops the zeros at the start of the unfinished line, which the reader is about to read more
    /// of. A copy-truncate rotation leaves a hole as long as the old file (gigabytes, with no newline)
    /// before the first line written after it: kept, it would make that line over-long and lose it;
    /// dropped, it costs no memory, and the line keeps its number and its offset (<see cref="LineOffset"/>,
    /// which a range's scan tells its lines by). What zeros the same read brings with the text,
    /// <see cref="Formats.LineNoise"/> takes off.
    /// </summary>
    /// <remarks>
    /// A hole may also start after text, where a write was cut short (a crash, or a rotation while the
    /// server wrote a line): text, then zeros to the end of what was read. That text is passed over
    /// with the zeros and told to <see cref="CutLine"/>, and what comes after the zeros is the line, with
    /// the same number and offset. Only a hole a read ends in is seen here (every hole longer than the
    /// reader's buffer): one that a read holds whole stays in its line, which the parse takes apart
    /// when the line fails (<see cref="Formats.LineHole"/>).
    /// </remarks>
    // Out of line: reached only when a read ends inside a line that starts or ends with a zero.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void DropZeros()
    {
        ReadOnlySpan<byte> pending = _buffer.AsSpan(_start, _end - _start);
        int zeros = pending.IndexOfAnyExcept((byte)0);
        if (zeros < 0 || pending[^1] == 0)
        {
            if (zeros >= 0)
            {
                CutLine?.Invoke(LineNumber + 1, _bufferOffset + _start - _noise);
            }

            zeros = pending.Length;
        }

        _start += zeros;
        _scanned = Math.Max(0, _scanned - zeros);
        _noise += zeros;
    }

    private void Fill()
    {
        if (_start < _end && (_buffer[_start] == 0 || _buffer[_end - 1] == 0))
        {
            DropZeros();
        }

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

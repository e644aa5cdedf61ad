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

    /// <summary>The 1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The position in the stream of the current line's first byte.</summary>
    public long LineOffset => _bufferOffset + _lineStart;

    /// <summary>Whether the current line was cut at <see cref="MaxLineLength"/>.</summary>
    public bool IsTruncated { get; private set; }

    /// <summary>Advances to the next line; false at the end of the stream.</summary>
    public bool MoveNext()
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                SetLine(_start, newline, truncated: false);
                _start += newline + 1;
                return true;
            }

            if (_eof)
            {
                if (_start == _end)
                {
                    return false;
                }

                // The last line of a file that does not end in a newline.
                SetLine(_start, _end - _start, truncated: false);
                _start = _end;
                return true;
            }

            if (_end - _start >= MaxLineLength)
            {
                SetLine(_start, MaxLineLength, truncated: true);
                _start += MaxLineLength;
                return true;
            }

            Fill();
        }
    }

    private void SetLine(int start, int length, bool truncated)
    {
        if (!truncated && length > 0 && _buffer[start + length - 1] == (byte)'\r')
        {
            length--;
        }

        _lineStart = start;
        _lineLength = length;
        IsTruncated = truncated;
        LineNumber++;
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

using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using LogLinq.Formats;
using LogLinq.Push;
using LogLinq.Records;

namespace LogLinq.Interchange;

/// <summary>
/// Writes records as a LogLinq record stream: a compact, versioned binary format that another
/// LogLinq (<c>loglinq query 'from -'</c>, <see cref="RecordStreamReader"/>) reads back field for
/// field, nulls, offsets, file names and line numbers included. As a sink, it ends quietly when
/// its reader goes away: a broken pipe makes <see cref="Sink{T}.Push"/> return false.
/// </summary>
/// <remarks>
/// Records are encoded into a pooled buffer and written in blocks of 64 KiB; a record parsed from
/// an NCSA line is written from the line's bytes, without making a string of any field.
/// <see cref="Sink{T}.Complete"/> writes the end mark that tells the reader the stream is whole;
/// a writer that is failed or disposed first leaves it out, so the reader reports the stream as
/// cut short instead of taking part of the records for all of them.
/// </remarks>
/// <example>
/// <code>
/// using var writer = new RecordStreamWriter(File.Create("404s.lqr"));
/// LogSource.Open("data/**/access-log*").Where(r => r.Status == 404).PushTo(writer);
/// </code>
/// </example>
public sealed class RecordStreamWriter : Sink<LogRecord>, IDisposable, ITransientItemSink
{
    private const int BlockSize = 64 * 1024;

    // A record made from values is encoded before its length is known: room for a two-byte length is
    // kept before it, and it is moved when its length takes one byte or more than two.
    private const int ReservedLength = 2;

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private byte[] _buffer;
    private int _used;
    private bool _closed;

    // The file name recurs on every record of a file: it is encoded once while it does.
    private string? _file;
    private byte[] _fileBytes = [];

    /// <summary>Starts a stream on <paramref name="output"/>; its header is written with the first block.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="leaveOpen">Keep <paramref name="output"/> open when the writer ends; by default it is closed.</param>
    public RecordStreamWriter(Stream output, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _leaveOpen = leaveOpen;
        _buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        _used = WriteHeader(_buffer);
    }

    /// <summary>How many records have been written (to the buffer, if not yet to the stream).</summary>
    public long Count { get; private set; }

    /// <summary>Whether the reader went away: a write failed with a broken pipe, and nothing more is written.</summary>
    public bool ReaderGone { get; private set; }

    /// <summary>Writes <paramref name="record"/>.</summary>
    /// <exception cref="IOException">The stream failed; a broken pipe too (<see cref="Sink{T}.Push"/> turns that into false).</exception>
    /// <exception cref="ObjectDisposedException">The writer has ended.</exception>
    public void Write(LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ObjectDisposedException.ThrowIf(_closed || IsEnded, this);
        int written;
        if (!ReferenceEquals(record.File, _file))
        {
            (_file, _fileBytes) = (record.File, Encoding.UTF8.GetBytes(record.File));
        }

        while (!TryEncode(record, _fileBytes, _buffer.AsSpan(_used), out written))
        {
            if (_used > 0)
            {
                WriteBuffer();
            }
            else
            {
                Grow();
            }
        }

        _used += written;
        Count++;
    }

    /// <summary>Writes what is buffered to the stream and flushes it, so a reader has every record written so far.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        WriteBuffer();
        _output.Flush();
    }

    /// <summary>Ends the stream without its end mark if it was not completed (the reader then reports it cut short), and closes it.</summary>
    public void Dispose()
    {
        if (!IsEnded)
        {
            Fail(new ObjectDisposedException(nameof(RecordStreamWriter)));
        }

        Close(flush: false);
    }

    /// <inheritdoc/>
    protected override bool OnPush(LogRecord item)
    {
        try
        {
            Write(item);
            return true;
        }
        catch (IOException e) when (BrokenPipe.Is(e))
        {
            ReaderGone = true;
            return false;
        }
    }

    /// <summary>Writes the end mark and what is buffered, and closes the stream (unless it was to be left open).</summary>
    protected override void OnComplete()
    {
        if (!ReaderGone && !_closed)
        {
            EnsureRoom(1);
            _buffer[_used++] = 0;
        }

        Close(flush: true);
    }

    /// <summary>Writes the whole records buffered, without the end mark, and closes the stream.</summary>
    protected override void OnFail(Exception error) => Close(flush: true);

    private void Close(bool flush)
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        try
        {
            if (flush && !ReaderGone)
            {
                WriteBuffer();
                _output.Flush();
            }
        }
        catch (IOException e) when (BrokenPipe.Is(e))
        {
            // The reader left while the last block was on its way: nothing is lost that it wanted.
            ReaderGone = true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _used = 0;
            if (!_leaveOpen)
            {
                CloseOutput();
            }
        }
    }

    private void CloseOutput()
    {
        try
        {
            _output.Dispose();
        }
        catch (IOException e) when (BrokenPipe.Is(e))
        {
            // A stream that flushes on dispose meets the same broken pipe.
            ReaderGone = true;
        }
    }

    private void WriteBuffer()
    {
        if (_used == 0)
        {
            return;
        }

        int used = _used;
        _used = 0;
        _output.Write(_buffer, 0, used);
    }

    private void EnsureRoom(int bytes)
    {
        if (_buffer.Length - _used < bytes)
        {
            WriteBuffer();
        }
    }

    private void Grow()
    {
        if (_buffer.Length >= RecordStreamFormat.MaxRecordLength + Varint.MaxLength)
        {
            throw new ArgumentException($"a record longer than {RecordStreamFormat.MaxRecordLength} bytes cannot be written: readers take it for damage");
        }

        byte[] bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    private static int WriteHeader(Span<byte> header)
    {
        RecordStreamFormat.Magic.CopyTo(header);
        int at = RecordStreamFormat.Magic.Length;
        at += Varint.Write(header[at..], RecordStreamFormat.Version);
        at += Varint.Write(header[at..], (ulong)RecordStreamFormat.Fields.Count);
        foreach ((string name, RecordFieldType type) in RecordStreamFormat.Fields)
        {
            at += Varint.Write(header[at..], (ulong)name.Length);
            at += Encoding.UTF8.GetBytes(name, header[at..]);
            header[at++] = (byte)type;
        }

        return at;
    }

    /// <summary>Encodes a record, its length first; false when it does not fit in <paramref name="destination"/>.</summary>
    private static bool TryEncode(LogRecord record, ReadOnlySpan<byte> file, Span<byte> destination, out int written) =>
        record.TryGetLine(out ReadOnlySpan<byte> line, out CommonLogFields fields)
            ? TryEncodeLine(record, line, ref fields, file, destination, out written)
            : TryEncodeValues(record, file, destination, out written);

    /// <summary>
    /// A record parsed from a line (or decoded from a stream): its fields are copied from the bytes it
    /// keeps. The length is worked out first, so the record is written in one pass with one check for room.
    /// </summary>
    private static bool TryEncodeLine(LogRecord record, ReadOnlySpan<byte> line, ref CommonLogFields fields, ReadOnlySpan<byte> file, Span<byte> destination, out int written)
    {
        FieldRange method = fields.Method(line), path = fields.Path(line), protocol = fields.Protocol(line), vhost = fields.VirtualHostIn(line);
        DateTimeOffset time = record.Time;
        ulong offset = Varint.ZigZag(time.TotalOffsetMinutes), status = Varint.ZigZag(record.Status), bytes = Varint.ZigZag(record.Bytes), number = Varint.ZigZag(record.LineNumber);
        Span<byte> duration = stackalloc byte[RecordDuration.MaxLength];
        int durationLength = record.Duration is { } taken ? RecordDuration.Format(taken, duration) : -1;
        int size = TextLength(fields.Host) + TextLength(fields.Ident) + TextLength(fields.User)
            + sizeof(long) + Varint.Length(offset)
            + TextLength(method) + TextLength(path) + TextLength(protocol)
            + Varint.Length(status) + Varint.Length(bytes)
            + TextLength(fields.Referrer) + TextLength(fields.UserAgent)
            + Varint.Length((ulong)file.Length + 1) + file.Length
            + Varint.Length(number)
            + TextLength(vhost)
            + TextLength(new FieldRange(0, durationLength));
        written = Varint.Length((ulong)size) + size;
        if (written > destination.Length)
        {
            written = 0;
            return false;
        }

        int at = Varint.Write(destination, (ulong)size);
        at = PutText(destination, at, line, fields.Host);
        at = PutText(destination, at, line, fields.Ident);
        at = PutText(destination, at, line, fields.User);
        BinaryPrimitives.WriteInt64LittleEndian(destination[at..], time.Ticks);
        at += sizeof(long);
        at += Varint.Write(destination[at..], offset);
        at = PutText(destination, at, line, method);
        at = PutText(destination, at, line, path);
        at = PutText(destination, at, line, protocol);
        at += Varint.Write(destination[at..], status);
        at += Varint.Write(destination[at..], bytes);
        at = PutText(destination, at, line, fields.Referrer);
        at = PutText(destination, at, line, fields.UserAgent);
        at += Varint.Write(destination[at..], (ulong)file.Length + 1);
        file.CopyTo(destination[at..]);
        at += file.Length;
        at += Varint.Write(destination[at..], number);
        at = PutText(destination, at, line, vhost);
        PutText(destination, at, duration, new FieldRange(0, durationLength));
        return true;
    }

    private static int TextLength(FieldRange range) =>
        range.IsNone ? 1 : Varint.Length((ulong)range.Length + 1) + range.Length;

    private static int PutText(Span<byte> destination, int at, ReadOnlySpan<byte> line, FieldRange range)
    {
        if (range.IsNone)
        {
            destination[at] = 0;
            return at + 1;
        }

        at += Varint.Write(destination[at..], (ulong)range.Length + 1);
        line.Slice(range.Start, range.Length).CopyTo(destination[at..]);
        return at + range.Length;
    }

    /// <summary>A record made from values: its strings are encoded as they go, with a check for room each.</summary>
    private static bool TryEncodeValues(LogRecord record, ReadOnlySpan<byte> file, Span<byte> destination, out int written)
    {
        written = 0;
        if (destination.Length <= ReservedLength)
        {
            return false;
        }

        Span<byte> body = destination[ReservedLength..];
        int at = 0;
        if (!TryString(record.Host, body, ref at)
            || !TryString(record.Ident, body, ref at)
            || !TryString(record.User, body, ref at)
            || !TryTime(record.Time, body, ref at)
            || !TryString(record.Method, body, ref at)
            || !TryString(record.Path, body, ref at)
            || !TryString(record.Protocol, body, ref at)
            || !TryInteger(record.Status, body, ref at)
            || !TryInteger(record.Bytes, body, ref at)
            || !TryString(record.Referrer, body, ref at)
            || !TryString(record.UserAgent, body, ref at)
            || !TryBytes(file, body, ref at)
            || !TryInteger(record.LineNumber, body, ref at)
            || !TryString(record.VirtualHost, body, ref at)
            || !TryDuration(record.Duration, body, ref at))
        {
            return false;
        }

        int prefix = Varint.Length((ulong)at);
        if (prefix != ReservedLength)
        {
            if (prefix + at > destination.Length)
            {
                return false;
            }

            body[..at].CopyTo(destination[prefix..]);
        }

        Varint.Write(destination, (ulong)at);
        written = prefix + at;
        return true;
    }

    private static bool TryString(string? text, Span<byte> body, ref int at)
    {
        if (text is null)
        {
            return TryByte(0, body, ref at);
        }

        int length = Encoding.UTF8.GetByteCount(text);
        int prefix = Varint.Length((ulong)length + 1);
        if (body.Length - at < prefix + length)
        {
            return false;
        }

        at += Varint.Write(body[at..], (ulong)length + 1);
        at += Encoding.UTF8.GetBytes(text, body[at..]);
        return true;
    }

    private static bool TryDuration(TimeSpan? duration, Span<byte> body, ref int at)
    {
        if (duration is not { } taken)
        {
            return TryByte(0, body, ref at);
        }

        Span<byte> digits = stackalloc byte[RecordDuration.MaxLength];
        return TryBytes(digits[..RecordDuration.Format(taken, digits)], body, ref at);
    }

    private static bool TryBytes(ReadOnlySpan<byte> utf8, Span<byte> body, ref int at)
    {
        int prefix = Varint.Length((ulong)utf8.Length + 1);
        if (body.Length - at < prefix + utf8.Length)
        {
            return false;
        }

        at += Varint.Write(body[at..], (ulong)utf8.Length + 1);
        utf8.CopyTo(body[at..]);
        at += utf8.Length;
        return true;
    }

    private static bool TryByte(byte value, Span<byte> body, ref int at)
    {
        if (at >= body.Length)
        {
            return false;
        }

        body[at++] = value;
        return true;
    }

    private static bool TryInteger(long value, Span<byte> body, ref int at)
    {
        if (body.Length - at < Varint.MaxLength)
        {
            return false;
        }

        at += Varint.Write(body[at..], Varint.ZigZag(value));
        return true;
    }

    private static bool TryTime(DateTimeOffset time, Span<byte> body, ref int at)
    {
        if (body.Length - at < sizeof(long) + Varint.MaxLength)
        {
            return false;
        }

        BinaryPrimitives.WriteInt64LittleEndian(body[at..], time.Ticks);
        at += sizeof(long);
        at += Varint.Write(body[at..], Varint.ZigZag(time.TotalOffsetMinutes));
        return true;
    }
}

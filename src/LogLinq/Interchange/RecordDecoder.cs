using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using LogLinq.Formats;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Interchange;

/// <summary>
/// Reads a record stream one record at a time from a pooled buffer, filled 64 KiB at a time. It
/// checks the header (magic, version, schema) and each record's bounds, and reports a stream that is
/// not one, is newer, is damaged or is cut short as a <see cref="LogSourceException"/> that names
/// the stream and the record.
/// </summary>
internal sealed class RecordDecoder : IDisposable
{
    private const int BlockSize = 64 * 1024;

    private readonly Stream _input;
    private readonly string _name;
    private readonly bool _leaveOpen;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private long _consumed; // stream offset of _buffer[0]
    private RecordSchema? _schema;
    private bool _finished;
    private int _bodyLength;

    // The file name recurs on every record of a file: one string is shared while it does.
    private byte[] _lastFileBytes = [];
    private string _lastFile = string.Empty;

    public RecordDecoder(Stream input, string name, bool leaveOpen)
    {
        _input = input;
        _name = name;
        _leaveOpen = leaveOpen;
        _buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
    }

    /// <summary>How many records have been read.</summary>
    public long Count { get; private set; }

    /// <summary>The buffer that holds the current record's bytes (<see cref="TryReadFields"/>); reused by the next read.</summary>
    public byte[] Buffer => _buffer;

    /// <summary>Where the current record's bytes start in <see cref="Buffer"/>: its fields' ranges count from here.</summary>
    public int BodyStart { get; private set; }

    /// <summary>The current record's bytes, valid until the next read.</summary>
    public ReadOnlySpan<byte> Body => _buffer.AsSpan(BodyStart, _bodyLength);

    /// <summary>The next record, which owns a copy of its bytes; false at the end of the stream (after its end mark).</summary>
    public bool TryRead(out LogRecord? record)
    {
        CommonLogFields fields = default;
        if (!TryReadFields(ref fields, out string? file, out long line))
        {
            record = null;
            return false;
        }

        record = new LogRecord(Body.ToArray(), fields, file!, line);
        return true;
    }

    /// <summary>
    /// The next record without making one: its fields as ranges into <see cref="Body"/>, as the NCSA
    /// parser finds a line's, so a scan tests and aggregates it where it lies and copies only what it
    /// keeps. False at the end of the stream.
    /// </summary>
    public bool TryReadFields(ref CommonLogFields fields, out string? file, out long line)
    {
        while (!_finished)
        {
            if (_schema is null)
            {
                _schema = ReadHeader();
                continue;
            }

            if (!TryReadLength(out int length))
            {
                throw Error($"the record stream ends after record {Count} without its end mark: its writer stopped before it finished");
            }

            if (length == 0)
            {
                // The end mark. Another stream may follow, as when two were concatenated.
                _schema = null;
                if (!Fill(1))
                {
                    _finished = true;
                }
                else if (!Fill(RecordStreamFormat.Magic.Length) || !RecordStreamFormat.HasMagic(Pending))
                {
                    throw Error($"unexpected bytes after the end of the record stream, after record {Count}");
                }

                continue;
            }

            if (!Fill(length))
            {
                throw Error($"the record stream ends in the middle of record {Count + 1}");
            }

            (BodyStart, _bodyLength) = (_start, length);
            (file, line) = Decode(Body, Count + 1, ref fields);
            _start += length;
            Count++;
            return true;
        }

        (file, line) = (null, 0);
        return false;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        if (!_leaveOpen)
        {
            _input.Dispose();
        }
    }

    private ReadOnlySpan<byte> Pending => _buffer.AsSpan(_start, _end - _start);

    private RecordSchema ReadHeader()
    {
        ReadOnlySpan<byte> magic = RecordStreamFormat.Magic;
        if (!Fill(magic.Length) || !RecordStreamFormat.HasMagic(Pending))
        {
            ReadOnlySpan<byte> start = Pending[..Math.Min(Pending.Length, 16)];
            throw Error(start.IsEmpty
                ? "not a LogLinq record stream: it is empty"
                : $"not a LogLinq record stream: it starts {ErrorText.Quote(start)}, not with the stream's magic bytes");
        }

        _start += magic.Length;
        ulong version = HeaderNumber("version");
        if (version > RecordStreamFormat.Version)
        {
            throw Error($"record stream version {version} is newer than this loglinq reads (up to {RecordStreamFormat.Version}): upgrade loglinq");
        }

        if (version == 0)
        {
            throw Error("not a LogLinq record stream: its header says version 0");
        }

        ulong count = HeaderNumber("field count");
        if (count > 1024)
        {
            throw Error($"the record stream's header is damaged: it claims {count} fields");
        }

        var fields = new (string Name, RecordFieldType Type)[count];
        for (int i = 0; i < fields.Length; i++)
        {
            ulong length = HeaderNumber("field name");
            if (length > 1024 || !Fill((int)length + 1))
            {
                throw Error(length > 1024 ? "the record stream's header is damaged: a field name is too long" : "the record stream ends in the middle of its header");
            }

            string name = Encoding.UTF8.GetString(_buffer, _start, (int)length);
            var type = (RecordFieldType)_buffer[_start + (int)length];
            _start += (int)length + 1;
            fields[i] = (name, type);
        }

        return RecordSchema.Create(fields, message => Error(message));
    }

    private ulong HeaderNumber(string what)
    {
        int read = ReadVarint(out ulong value);
        if (read <= 0)
        {
            throw Error(read == 0 ? "the record stream ends in the middle of its header" : $"the record stream's header is damaged: its {what} is not a number");
        }

        _start += read;
        return value;
    }

    /// <summary>A record's length; false at the end of the input.</summary>
    private bool TryReadLength(out int length)
    {
        length = 0;
        if (!Fill(1))
        {
            return false;
        }

        int read = ReadVarint(out ulong value);
        if (read == 0)
        {
            throw Error($"the record stream ends in the middle of record {Count + 1}");
        }

        if (read < 0 || value > RecordStreamFormat.MaxRecordLength)
        {
            throw Error($"record {Count + 1} is damaged: its length is {(read < 0 ? "not a number" : $"{value} bytes, more than any record")}");
        }

        _start += read;
        length = (int)value;
        return true;
    }

    /// <summary>
    /// Reads a varint at the start of what is pending, waiting for no byte past its last: a writer
    /// that sends a record at a time must not be kept waiting for bytes it has not written yet. The
    /// result is <see cref="Varint.Read"/>'s; the varint is not consumed.
    /// </summary>
    private int ReadVarint(out ulong value)
    {
        for (int length = 1; ; length++)
        {
            if (!Fill(length))
            {
                value = 0;
                return 0;
            }

            int read = Varint.Read(Pending[..length], out value);
            if (read != 0 || length == Varint.MaxLength)
            {
                return read;
            }
        }
    }

    /// <summary>Makes at least <paramref name="count"/> bytes pending, reading as needed; false when the input ends first.</summary>
    private bool Fill(int count)
    {
        while (_end - _start < count)
        {
            if (_eof)
            {
                return false;
            }

            if (_buffer.Length - _start < count)
            {
                // Move what is pending to the front, into a bigger buffer if a record needs one.
                byte[] target = count > _buffer.Length ? ArrayPool<byte>.Shared.Rent(count) : _buffer;
                System.Buffer.BlockCopy(_buffer, _start, target, 0, _end - _start);
                if (!ReferenceEquals(target, _buffer))
                {
                    ArrayPool<byte>.Shared.Return(_buffer);
                    _buffer = target;
                }

                _consumed += _start;
                _end -= _start;
                _start = 0;
            }

            int read = _input.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
        }

        return true;
    }

    /// <summary>
    /// Finds a record's fields in its bytes: text as ranges, made strings only when read, as for a
    /// line parsed from an NCSA log; so a query that reads two fields pays for two.
    /// </summary>
    private (string File, long Line) Decode(ReadOnlySpan<byte> body, long number, ref CommonLogFields fields)
    {
        RecordSchema schema = _schema!;
        fields = default;
        if (schema.IsStandard)
        {
            return DecodeStandard(body, number, ref fields);
        }

        FieldRange method = FieldRange.None, path = FieldRange.None, protocol = FieldRange.None;
        fields.VirtualHost = FieldRange.None;
        bool hasHost = false, hasIdent = false, hasUser = false;
        string? file = null;
        long line = 0;
        int at = 0;
        for (int i = 0; i < schema.Count; i++)
        {
            RecordSlot slot = schema.Slot(i);
            switch (schema.Type(i))
            {
                case RecordFieldType.Text:
                    {
                        ReadOnlySpan<byte> utf8 = Text(body, ref at, number, out bool isNull);
                        FieldRange range = isNull ? FieldRange.None : new FieldRange(at - utf8.Length, utf8.Length);
                        switch (slot)
                        {
                            case RecordSlot.Host: (fields.Host, hasHost) = (range, !isNull); break;
                            case RecordSlot.Ident: (fields.Ident, hasIdent) = (range, !isNull); break;
                            case RecordSlot.User: (fields.User, hasUser) = (range, !isNull); break;
                            case RecordSlot.Method: method = range; break;
                            case RecordSlot.Path: path = range; break;
                            case RecordSlot.Protocol: protocol = range; break;
                            case RecordSlot.Referrer: fields.Referrer = range; break;
                            case RecordSlot.Agent: fields.UserAgent = range; break;
                            case RecordSlot.VirtualHost: fields.VirtualHost = range; break;
                            case RecordSlot.Duration: fields.Duration = isNull ? null : Duration(utf8, number); break;
                            case RecordSlot.File: file = isNull ? null : File(utf8); break;
                        }

                        break;
                    }

                case RecordFieldType.Int32 or RecordFieldType.Int64:
                    {
                        long value = Integer(body, ref at, number);
                        if (schema.Type(i) == RecordFieldType.Int32 && value is < int.MinValue or > int.MaxValue)
                        {
                            throw Damaged(number, $"{schema.Name(i)} is {value}, too big for a 32-bit integer");
                        }

                        switch (slot)
                        {
                            case RecordSlot.Status: fields.Status = (int)value; break;
                            case RecordSlot.Bytes: fields.Bytes = value; break;
                            case RecordSlot.Line: line = value; break;
                        }

                        break;
                    }

                default:
                    {
                        (long ticks, short offset) = Time(body, ref at, number);
                        if (slot == RecordSlot.Time)
                        {
                            (fields.TimeTicks, fields.OffsetMinutes) = (ticks, offset);
                        }

                        break;
                    }
            }
        }

        if (at != body.Length)
        {
            throw Damaged(number, $"its fields take {at} of its {body.Length} bytes");
        }

        Required(hasHost, "host", number);
        Required(hasIdent, "ident", number);
        Required(hasUser, "user", number);
        Required(!method.IsNone, "method", number);
        Required(!path.IsNone, "path", number);
        Required(!protocol.IsNone, "protocol", number);
        Required(file is not null, "file", number);
        fields.SetDecoded(method, path, protocol);
        return (file!, line);
    }

    /// <summary>
    /// <see cref="Decode"/> for the fields this version writes, in its order: each read in turn, with
    /// no lookup of where it goes. The types were checked with the header.
    /// </summary>
    private (string File, long Line) DecodeStandard(ReadOnlySpan<byte> body, long number, ref CommonLogFields fields)
    {
        int at = 0;
        fields.Host = Range(body, ref at, number, "host");
        fields.Ident = Range(body, ref at, number, "ident");
        fields.User = Range(body, ref at, number, "user");
        (fields.TimeTicks, fields.OffsetMinutes) = Time(body, ref at, number);
        FieldRange method = Range(body, ref at, number, "method");
        FieldRange path = Range(body, ref at, number, "path");
        FieldRange protocol = Range(body, ref at, number, "protocol");
        long status = Integer(body, ref at, number);
        if (status is < int.MinValue or > int.MaxValue)
        {
            throw Damaged(number, $"status is {status}, too big for a 32-bit integer");
        }

        fields.Status = (int)status;
        fields.Bytes = Integer(body, ref at, number);
        fields.Referrer = Range(body, ref at, number, null);
        fields.UserAgent = Range(body, ref at, number, null);
        FieldRange file = Range(body, ref at, number, "file");
        long line = Integer(body, ref at, number);
        fields.VirtualHost = _schema!.Count > RecordStreamFormat.RequiredCount ? Range(body, ref at, number, null) : FieldRange.None;
        if (_schema.Count > RecordStreamFormat.RequiredCount + 1)
        {
            ReadOnlySpan<byte> duration = Text(body, ref at, number, out bool none);
            fields.Duration = none ? null : Duration(duration, number);
        }

        if (at != body.Length)
        {
            throw Damaged(number, $"its fields take {at} of its {body.Length} bytes");
        }

        fields.SetDecoded(method, path, protocol);
        return (File(file.Of(body)), line);
    }

    /// <summary>A text field's range in <paramref name="body"/>; <see cref="FieldRange.None"/> for null, which only a field without a <paramref name="required"/> name may be.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private FieldRange Range(ReadOnlySpan<byte> body, ref int at, long number, string? required)
    {
        ReadOnlySpan<byte> utf8 = Text(body, ref at, number, out bool isNull);
        if (isNull)
        {
            Required(required is null, required!, number);
            return FieldRange.None;
        }

        return new FieldRange(at - utf8.Length, utf8.Length);
    }

    private void Required(bool present, string field, long number)
    {
        if (!present)
        {
            throw Damaged(number, $"its {field} is null, which only referrer, agent and vhost may be");
        }
    }

    /// <summary>A duration's text (<see cref="RecordDuration"/>); damage when it is not one.</summary>
    private TimeSpan Duration(ReadOnlySpan<byte> text, long number) =>
        RecordDuration.TryParse(text, out TimeSpan duration) ? duration : throw Damaged(number, $"its duration is {ErrorText.Quote(text)}, not a count of ticks");

    /// <summary>Throws <see cref="Damaged"/> from a call, so the inlined helpers carry no throw of their own.</summary>
    [DoesNotReturn]
    private void ThrowDamaged(long number, string reason) => throw Damaged(number, reason);

    private string File(ReadOnlySpan<byte> utf8)
    {
        if (!utf8.SequenceEqual(_lastFileBytes))
        {
            _lastFileBytes = utf8.ToArray();
            _lastFile = Encoding.UTF8.GetString(utf8);
        }

        return _lastFile;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Text(ReadOnlySpan<byte> body, ref int at, long number, out bool isNull)
    {
        ulong prefix = Number(body, ref at, number);
        isNull = prefix == 0;
        if (isNull)
        {
            return default;
        }

        ulong length = prefix - 1;
        if (length > (ulong)(body.Length - at))
        {
            ThrowDamaged(number, "a text runs past its end");
        }

        ReadOnlySpan<byte> utf8 = body.Slice(at, (int)length);
        at += (int)length;
        return utf8;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Integer(ReadOnlySpan<byte> body, ref int at, long number) => Varint.UnZigZag(Number(body, ref at, number));

    // The per-field helpers are inlined into the record's decoding: each is a few instructions in the
    // usual case, and a call per field was a third of the time of `from - | count`.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Number(ReadOnlySpan<byte> body, ref int at, long number)
    {
        // Most numbers here (text lengths, statuses, offsets) take one byte.
        if ((uint)at < (uint)body.Length && body[at] < 0x80)
        {
            return body[at++];
        }

        return LongNumber(body, ref at, number);
    }

    private ulong LongNumber(ReadOnlySpan<byte> body, ref int at, long number)
    {
        int read = Varint.Read(body[at..], out ulong value);
        if (read <= 0)
        {
            throw Damaged(number, read == 0 ? "a number runs past its end" : "a number is longer than 64 bits");
        }

        at += read;
        return value;
    }

    /// <summary>A time's clock ticks and offset, checked to make a valid <see cref="DateTimeOffset"/>.</summary>
    private (long Ticks, short OffsetMinutes) Time(ReadOnlySpan<byte> body, ref int at, long number)
    {
        if (body.Length - at < sizeof(long))
        {
            throw Damaged(number, "a time runs past its end");
        }

        long ticks = BinaryPrimitives.ReadInt64LittleEndian(body[at..]);
        at += sizeof(long);
        long offset = Integer(body, ref at, number);

        // The instant, too, must be in range: year 1 at +14:00 is a clock time with no instant.
        long utc = ticks - (offset * TimeSpan.TicksPerMinute);
        if (offset is < -14 * 60 or > 14 * 60 || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks
            || utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks)
        {
            throw Damaged(number, $"its time ({ticks} ticks at {offset} minutes from UTC) is out of range");
        }

        return (ticks, (short)offset);
    }

    private LogSourceException Damaged(long number, string reason) => Error($"record {number} is damaged: {reason}");

    private LogSourceException Error(string message) =>
        new($"{_name}: {message}", _name, _consumed + _start);
}

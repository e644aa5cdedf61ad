using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text;
using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// Parses one file of the W3C extended log format. What a data line holds is whatever the last
/// <c>#Fields:</c> directive said, so the parser keeps that layout from line to line and a later
/// directive replaces it. Data lines are split on bytes and copied whole into a <see cref="FieldText"/>,
/// where the few fields that are not the line's text as it stands are made (the path joined from its
/// stem and query, a header's '+' made a space): a scan reads them as ranges, and no string is made
/// for a field the query does not read.
/// </summary>
internal sealed class W3cLineParser : CopyingLineParser
{
    private W3cField[]? _columns;

    // Which column holds each kind of field (the last that does, as the line's last such field is
    // the one read), -1 where none; and the end of each column on the line being read.
    private int[] _columnOf = [];
    private int[] _ends = [];

    // The date of the last line read, as its ten bytes and as the ticks of its midnight (-1: none yet).
    private long _lastDay = -1;
    private ulong _lastDayText;
    private ushort _lastDayTail;

    // The directives in force, as written: what a range of the file after them is to be read with.
    private byte[]? _fieldsDirective;
    private byte[]? _dateDirective;

    // Whether the #Fields: is CloudFront's (it lists x-edge-location): its time-taken is in seconds.
    private bool _cloudFront;
    private DateOnly? _directiveDate;

    // Per line: optimised from the first call (see FileScan.TryRow).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override LineResult ParseFields(in LogLine line, ref CommonLogFields fields, out ArraySegment<byte> text, out string? error)
    {
        text = default;
        error = null;
        ReadOnlySpan<byte> bytes = line.Bytes.Span[LineNoise.Length(line.Bytes.Span)..];
        if (IsBlank(bytes))
        {
            return LineResult.Skipped;
        }

        if (bytes[0] == '#')
        {
            return Directive(bytes, out error);
        }

        if (_columns is null)
        {
            error = "no #Fields: header before this line";
            return LineResult.Malformed;
        }

        FieldText values = StartLine();
        LineResult result = Data(bytes.TrimEnd(" \t"u8), ref values, ref fields, out error);
        text = EndLine(values);
        return result;
    }

    private LineResult Directive(ReadOnlySpan<byte> line, out string? error)
    {
        error = null;
        if (IsDirective(line, "#Fields:"u8))
        {
            _fieldsDirective = line.ToArray();
            return Fields(line["#Fields:".Length..], out error);
        }

        if (IsDirective(line, "#Date:"u8))
        {
            // "#Date: 2024-03-01 00:00:00": only the date is needed, for files that log no date field.
            ReadOnlySpan<byte> value = line["#Date:".Length..].Trim(" \t"u8);
            int space = value.IndexOf((byte)' ');
            if (!W3cTime.TryParseDate(space < 0 ? value : value[..space], out DateOnly date))
            {
                error = $"expected a date like 2024-03-01 in the #Date: directive, found {ErrorText.Quote(value)}";
                return LineResult.Malformed;
            }

            _directiveDate = date;
            _dateDirective = line.ToArray();
        }

        // #Software, #Version, #Remark, #Start-Date, #End-Date and the rest say nothing a record needs.
        return LineResult.Skipped;
    }

    /// <summary>
    /// The <c>#Fields:</c> directive and, where it names no date field, the <c>#Date:</c> one, which is
    /// then where a line's date comes from (a later <c>#Date:</c> of a file that logs the date changes nothing).
    /// </summary>
    internal override HeaderLines? Headers =>
        (_fieldsDirective, _dateDirective) switch
        {
            (null, null) => null,
            (null, { } date) => new HeaderLines([date], 1),
            ({ } fields, null) => new HeaderLines([fields], 1),
            ({ } fields, { } date) => new HeaderLines([fields, date], _columns?.Contains(W3cField.Date) == true ? 1 : 2),
        };

    // The header's names for a message (not its line: a range of the file counts its lines from its own start).
    private string FieldNames => ErrorText.Quote(_fieldsDirective.AsSpan("#Fields:".Length).Trim(" \t"u8));

    private static bool IsDirective(ReadOnlySpan<byte> line, ReadOnlySpan<byte> name) =>
        line.Length >= name.Length && Ascii.EqualsIgnoreCase(line[..name.Length], name);

    private LineResult Fields(ReadOnlySpan<byte> names, out string? error)
    {
        var columns = new List<W3cField>();
        foreach (Range range in names.SplitAny(" \t"u8))
        {
            ReadOnlySpan<byte> name = names[range];
            if (!name.IsEmpty)
            {
                columns.Add(W3cFieldNames.Lookup(name));
            }
        }

        _cloudFront = columns.Contains(W3cField.EdgeLocation);
        if (columns.Count == 0)
        {
            // Keeping the old layout would read the lines that follow with fields they may not have.
            _columns = null;
            error = "the #Fields: directive lists no fields";
            return LineResult.Malformed;
        }

        _columns = [.. columns];
        _columnOf = new int[W3cFieldNames.Count];
        _columnOf.AsSpan().Fill(-1);
        for (int i = 0; i < _columns.Length; i++)
        {
            if (_columns[i] != W3cField.Ignored)
            {
                _columnOf[(int)_columns[i]] = i;
            }
        }

        _ends = new int[_columns.Length];
        error = null;
        return LineResult.Skipped;
    }

    /// <summary>
    /// A data line, <paramref name="line"/>, copied whole into <paramref name="text"/> first: the fields
    /// are ranges into the copy, and only those whose text is not the line's are changed there (a
    /// header's '+', the '?' between a path's stem and its query) or appended after it, so a line
    /// costs one copy rather than one a field.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private LineResult Data(ReadOnlySpan<byte> line, ref FieldText text, ref CommonLogFields fields, out string? error)
    {
        FieldRange copy = text.AppendWithSlack(line, Vector512<byte>.Count);
        int count = FieldEnds.Split(text.Buffer, copy.Length, _ends, (byte)' ', (byte)'\t');
        if (count != _ends.Length)
        {
            error = $"expected {_ends.Length} fields, as the #Fields: header lists ({FieldNames}), found {count}";
            return LineResult.Malformed;
        }

        if (!TryReadTime(line, out long ticks, out error))
        {
            return LineResult.Malformed;
        }

        int status = 0;
        FieldRange statusField = Column(W3cField.Status);
        if (!statusField.IsNone && !CommonLogParser.TryParseStatus(statusField.Of(line), out status))
        {
            error = $"expected a numeric status in sc-status, found {ErrorText.Quote(statusField.Of(line))}";
            return LineResult.Malformed;
        }

        long bytes = 0;
        FieldRange bytesField = Column(W3cField.Bytes);
        if (!bytesField.IsNone && !CommonLogParser.TryParseBytes(bytesField.Of(line), out bytes))
        {
            error = $"expected the number of bytes (or '-') in sc-bytes, found {ErrorText.Quote(bytesField.Of(line))}";
            return LineResult.Malformed;
        }

        if (!TryReadTimeTaken(Column(W3cField.TimeTaken).Of(line), out TimeSpan? duration, out error))
        {
            return LineResult.Malformed;
        }

        FieldRange dash = text.Append("-"u8);
        FieldRange empty = new(0, 0);
        fields.Set(
            host: Or(Column(W3cField.ClientIp), dash),
            ident: dash,
            user: Or(Column(W3cField.UserName), dash),
            time: new DateTimeOffset(ticks, TimeSpan.Zero),
            method: Or(Column(W3cField.Method), empty),
            path: Path(ref text, line),
            protocol: Or(Column(W3cField.Version), empty),
            status: status,
            bytes: bytes,
            referrer: Column(W3cField.Referrer),
            userAgent: HeaderText(ref text, Column(W3cField.UserAgent)),
            virtualHost: HostHeaderOr(line, Column(W3cField.HostHeader), Column(W3cField.VirtualHost)),
            duration: duration);
        return LineResult.Record;
    }

    /// <summary>Where the current line's field of kind <paramref name="kind"/> lies; <see cref="FieldRange.None"/> when the header lists none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private FieldRange Column(W3cField kind)
    {
        int column = _columnOf[(int)kind];
        if (column < 0)
        {
            return FieldRange.None;
        }

        int start = column == 0 ? 0 : _ends[column - 1] + 1;
        return new FieldRange(start, _ends[column] - start);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldRange Or(FieldRange field, FieldRange missing) => field.IsNone ? missing : field;

    /// <summary>
    /// <c>time-taken</c>: in a CloudFront file, seconds (<c>0.082</c>); elsewhere whole milliseconds, as
    /// IIS writes them, or seconds where the value has a decimal point (IIS never writes one). Null
    /// where the line has no such field or writes <c>-</c>; anything else is a malformed line, as a bad
    /// <c>sc-bytes</c> is.
    /// </summary>
    private bool TryReadTimeTaken(ReadOnlySpan<byte> value, out TimeSpan? duration, out string? error)
    {
        duration = null;
        error = null;
        if (value.IsEmpty || value is [(byte)'-'])
        {
            return true;
        }

        if (!_cloudFront && value.Length <= 9 && TryWholeNumber(value, out long milliseconds))
        {
            // IIS's own: digits alone, whole milliseconds (as DurationText reads them, without its checks).
            duration = TimeSpan.FromTicks(milliseconds * TimeSpan.TicksPerMillisecond);
            return true;
        }

        bool seconds = _cloudFront || value.Contains((byte)'.');
        if (seconds ? DurationText.TryParseSeconds(value, out long ticks) : DurationText.TryParseMilliseconds(value, out ticks))
        {
            duration = TimeSpan.FromTicks(ticks);
            return true;
        }

        error = $"expected {(seconds ? "seconds" : "milliseconds")} (or '-') in time-taken, found {ErrorText.Quote(value)}";
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryWholeNumber(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        foreach (byte b in digits)
        {
            if (!AsciiDigits.IsDigit(b))
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    /// <summary>
    /// The line's time, in ticks: its date and time fields (or the <c>#Date:</c> directive's date). The
    /// date is nearly always the line before's, so its ten bytes are compared with those before
    /// they are read; a time of <c>HH:mm:ss</c> is read as one word (<see cref="ClockWord"/>), and any
    /// other (a fraction, or not a time) by <see cref="W3cTime"/>, which has the last word.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadTime(ReadOnlySpan<byte> line, out long ticks, out string? error)
    {
        ticks = 0;
        long day;
        FieldRange dateField = Column(W3cField.Date);
        if (!dateField.IsNone)
        {
            ReadOnlySpan<byte> text = dateField.Of(line);
            if (text.Length == 10 && _lastDay >= 0 && ByteReads.UInt64At(text, 0) == _lastDayText && ByteReads.UInt16At(text, 8) == _lastDayTail)
            {
                day = _lastDay;
            }
            else if (W3cTime.TryParseDate(text, out DateOnly date))
            {
                day = date.DayNumber * TimeSpan.TicksPerDay;
                (_lastDay, _lastDayText, _lastDayTail) = (day, ByteReads.UInt64At(text, 0), ByteReads.UInt16At(text, 8));
            }
            else
            {
                error = $"expected a date like 2024-03-01 in the date field, found {ErrorText.Quote(text)}";
                return false;
            }
        }
        else if (_directiveDate is { } directiveDate)
        {
            day = directiveDate.DayNumber * TimeSpan.TicksPerDay;
        }
        else
        {
            error = "no date: the #Fields: header has no date field and no #Date: directive came before this line";
            return false;
        }

        FieldRange timeField = Column(W3cField.Time);
        if (timeField.IsNone)
        {
            error = $"no time: the #Fields: header ({FieldNames}) has no time field";
            return false;
        }

        ReadOnlySpan<byte> time = timeField.Of(line);
        if (time.Length == 8 && ClockWord.Invalid(ByteReads.UInt64At(time, 0), lastSecond: 60, out ulong clock) == 0)
        {
            ticks = day + ClockWord.Ticks(clock);
        }
        else if (W3cTime.TryParseTime(time, out TimeSpan timeOfDay))
        {
            ticks = day + timeOfDay.Ticks;
        }
        else
        {
            error = $"expected a time like 12:34:56 in the time field, found {ErrorText.Quote(time)}";
            return false;
        }

        // The format is defined to be UTC, so the offset is known rather than assumed.
        error = null;
        return true;
    }

    // CloudFront's x-host-header names the site the viewer asked for (an alternate domain name), where
    // cs(Host) is the distribution's domain whatever the site: the first where it is written.
    private static FieldRange HostHeaderOr(ReadOnlySpan<byte> line, FieldRange hostHeader, FieldRange host) =>
        hostHeader.IsNone || hostHeader.Of(line) is [] or [(byte)'-'] ? host : hostHeader;

    /// <summary>
    /// The stem and the query joined by '?', or the stem alone when the query is "-". Where the query's
    /// column follows the stem's, the separator between them in the line's copy becomes the '?'.
    /// </summary>
    private FieldRange Path(ref FieldText text, ReadOnlySpan<byte> line)
    {
        FieldRange stem = Column(W3cField.UriStem);
        if (stem.IsNone)
        {
            return Or(Column(W3cField.Uri), new FieldRange(0, 0));
        }

        FieldRange queryField = Column(W3cField.UriQuery);
        ReadOnlySpan<byte> query = queryField.Of(line);
        if (query.IsEmpty || (query.Length == 1 && query[0] == '-'))
        {
            return stem;
        }

        int between = stem.Start + stem.Length;
        if (queryField.Start == between + 1)
        {
            text.Edit(new FieldRange(between, 1))[0] = (byte)'?';
            return new FieldRange(stem.Start, stem.Length + 1 + query.Length);
        }

        return text.Append(stem.Of(line), "?"u8, query);
    }

    /// <summary>
    /// A header's value, kept in one field: IIS writes each space as '+'; CloudFront percent-encodes
    /// the value (a space is <c>%20</c>, and a '+' is itself, as in Googlebot's <c>+http://</c>).
    /// </summary>
    private static FieldRange HeaderText(ref FieldText text, FieldRange field)
    {
        if (field.IsNone)
        {
            return FieldRange.None;
        }

        ReadOnlySpan<byte> value = text.Of(field);
        int percent = value.IndexOf((byte)'%');
        if (percent >= 0 && percent + 2 < value.Length && char.IsAsciiHexDigit((char)value[percent + 1]) && char.IsAsciiHexDigit((char)value[percent + 2]))
        {
            return text.Append(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(Encoding.UTF8.GetString(value))));
        }

        // In the line's copy: no other field's text is there.
        text.Edit(field).Replace((byte)'+', (byte)' ');
        return field;
    }
}

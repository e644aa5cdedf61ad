using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text;
using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// Parses one file of the W3C extended log format. What a data line holds is whatever the last
/// <c>#Fields:</c> directive said, so the parser keeps that layout from line to line and a later
/// directive replaces it. Data lines are split on bytes, and the fields a record keeps are copied
/// into a <see cref="FieldText"/> (the path joined from its stem and query, a header's '+' made a
/// space): a scan reads them as ranges, and no string is made for a field the query does not read.
/// </summary>
internal sealed class W3cLineParser : CopyingLineParser
{
    private W3cField[]? _columns;

    // The directives in force, as written: what a range of the file after them is to be read with.
    private byte[]? _fieldsDirective;
    private byte[]? _dateDirective;

    // Whether the #Fields: is CloudFront's (it lists x-edge-location): its time-taken is in seconds.
    private bool _cloudFront;
    private DateOnly? _directiveDate;

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
        LineResult result = Data(bytes.TrimEnd(" \t"u8), _columns, ref values, ref fields, out error);
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
        error = null;
        return LineResult.Skipped;
    }

    private LineResult Data(ReadOnlySpan<byte> line, W3cField[] columns, ref FieldText text, ref CommonLogFields fields, out string? error)
    {
        Span<FieldRange> found = stackalloc FieldRange[W3cFieldNames.Count];
        found.Fill(FieldRange.None);
        int count = Split(line, columns, found);
        if (count != columns.Length)
        {
            error = $"expected {columns.Length} fields, as the #Fields: header lists ({FieldNames}), found {count}";
            return LineResult.Malformed;
        }

        if (!TryReadTime(line, found, out DateTimeOffset time, out error))
        {
            return LineResult.Malformed;
        }

        int status = 0;
        FieldRange statusField = found[(int)W3cField.Status];
        if (!statusField.IsNone && !CommonLogParser.TryParseStatus(statusField.Of(line), out status))
        {
            error = $"expected a numeric status in sc-status, found {ErrorText.Quote(statusField.Of(line))}";
            return LineResult.Malformed;
        }

        long bytes = 0;
        FieldRange bytesField = found[(int)W3cField.Bytes];
        if (!bytesField.IsNone && !CommonLogParser.TryParseBytes(bytesField.Of(line), out bytes))
        {
            error = $"expected the number of bytes (or '-') in sc-bytes, found {ErrorText.Quote(bytesField.Of(line))}";
            return LineResult.Malformed;
        }

        if (!TryReadTimeTaken(found[(int)W3cField.TimeTaken].Of(line), out TimeSpan? duration, out error))
        {
            return LineResult.Malformed;
        }

        FieldRange dash = text.Append("-"u8);
        FieldRange empty = new(0, 0);
        fields.Set(
            host: Copy(ref text, line, found[(int)W3cField.ClientIp], dash),
            ident: dash,
            user: Copy(ref text, line, found[(int)W3cField.UserName], dash),
            time: time,
            method: Copy(ref text, line, found[(int)W3cField.Method], empty),
            path: Path(ref text, line, found),
            protocol: Copy(ref text, line, found[(int)W3cField.Version], empty),
            status: status,
            bytes: bytes,
            referrer: Copy(ref text, line, found[(int)W3cField.Referrer], FieldRange.None),
            userAgent: HeaderText(ref text, line, found[(int)W3cField.UserAgent]),
            virtualHost: Copy(ref text, line, HostHeaderOr(line, found[(int)W3cField.HostHeader], found[(int)W3cField.VirtualHost]), FieldRange.None),
            duration: duration);
        return LineResult.Record;
    }

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

        bool seconds = _cloudFront || value.Contains((byte)'.');
        if (seconds ? DurationText.TryParseSeconds(value, out long ticks) : DurationText.TryParseMilliseconds(value, out ticks))
        {
            duration = TimeSpan.FromTicks(ticks);
            return true;
        }

        error = $"expected {(seconds ? "seconds" : "milliseconds")} (or '-') in time-taken, found {ErrorText.Quote(value)}";
        return false;
    }

    /// <summary>
    /// Splits <paramref name="line"/> at its spaces and tabs into the fields <paramref name="columns"/>
    /// name, each at its place in <paramref name="found"/>; returns how many fields the line has. The
    /// separators of 64 bytes at a time are found by one vector compare, as bits, and each field ends
    /// at the next bit: a search per field cost more than the field (most are a few bytes).
    /// </summary>
    private static int Split(ReadOnlySpan<byte> line, W3cField[] columns, Span<FieldRange> found)
    {
        Span<byte> tail = stackalloc byte[64];
        int count = 0;
        int start = 0;
        for (int chunk = 0; chunk < line.Length; chunk += 64)
        {
            scoped ReadOnlySpan<byte> bytes = line[chunk..];
            if (bytes.Length < 64)
            {
                // The last bytes from a copy, so nothing past the line is read (zeros mark nothing).
                tail.Clear();
                bytes.CopyTo(tail);
                bytes = tail;
            }

            Vector512<byte> v = Vector512.Create(bytes);
            ulong separators = (Vector512.Equals(v, Vector512.Create((byte)' ')) | Vector512.Equals(v, Vector512.Create((byte)'\t'))).ExtractMostSignificantBits();
            while (separators != 0)
            {
                int end = chunk + BitOperations.TrailingZeroCount(separators);
                Put(columns, found, count++, start, end);
                start = end + 1;
                separators &= separators - 1;
            }
        }

        Put(columns, found, count++, start, line.Length);
        return count;
    }

    private static void Put(W3cField[] columns, Span<FieldRange> found, int index, int start, int end)
    {
        if (index < columns.Length && columns[index] != W3cField.Ignored)
        {
            found[(int)columns[index]] = new FieldRange(start, end - start);
        }
    }

    private bool TryReadTime(ReadOnlySpan<byte> line, ReadOnlySpan<FieldRange> found, out DateTimeOffset time, out string? error)
    {
        time = default;
        DateOnly date;
        FieldRange dateField = found[(int)W3cField.Date];
        if (!dateField.IsNone)
        {
            if (!W3cTime.TryParseDate(dateField.Of(line), out date))
            {
                error = $"expected a date like 2024-03-01 in the date field, found {ErrorText.Quote(dateField.Of(line))}";
                return false;
            }
        }
        else if (_directiveDate is { } directiveDate)
        {
            date = directiveDate;
        }
        else
        {
            error = "no date: the #Fields: header has no date field and no #Date: directive came before this line";
            return false;
        }

        FieldRange timeField = found[(int)W3cField.Time];
        if (timeField.IsNone)
        {
            error = $"no time: the #Fields: header ({FieldNames}) has no time field";
            return false;
        }

        if (!W3cTime.TryParseTime(timeField.Of(line), out TimeSpan timeOfDay))
        {
            error = $"expected a time like 12:34:56 in the time field, found {ErrorText.Quote(timeField.Of(line))}";
            return false;
        }

        // The format is defined to be UTC, so the offset is known rather than assumed.
        time = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue) + timeOfDay, TimeSpan.Zero);
        error = null;
        return true;
    }

    // CloudFront's x-host-header names the site the viewer asked for (an alternate domain name), where
    // cs(Host) is the distribution's domain whatever the site: the first where it is written.
    private static FieldRange HostHeaderOr(ReadOnlySpan<byte> line, FieldRange hostHeader, FieldRange host) =>
        hostHeader.IsNone || hostHeader.Of(line) is [] or [(byte)'-'] ? host : hostHeader;

    /// <summary>The field's text, copied; <paramref name="missing"/> when the line has no such field.</summary>
    private static FieldRange Copy(ref FieldText text, ReadOnlySpan<byte> line, FieldRange field, FieldRange missing) =>
        field.IsNone ? missing : text.Append(field.Of(line));

    /// <summary>The stem and the query joined by '?', or the stem alone when the query is "-".</summary>
    private static FieldRange Path(ref FieldText text, ReadOnlySpan<byte> line, ReadOnlySpan<FieldRange> found)
    {
        FieldRange stem = found[(int)W3cField.UriStem];
        if (stem.IsNone)
        {
            return Copy(ref text, line, found[(int)W3cField.Uri], new FieldRange(0, 0));
        }

        ReadOnlySpan<byte> query = found[(int)W3cField.UriQuery].Of(line);
        if (query.IsEmpty || (query.Length == 1 && query[0] == '-'))
        {
            return text.Append(stem.Of(line));
        }

        return text.Append(stem.Of(line), "?"u8, query);
    }

    /// <summary>
    /// A header's value, kept in one field: IIS writes each space as '+'; CloudFront percent-encodes
    /// the value (a space is <c>%20</c>, and a '+' is itself, as in Googlebot's <c>+http://</c>).
    /// </summary>
    private static FieldRange HeaderText(ref FieldText text, ReadOnlySpan<byte> line, FieldRange field)
    {
        if (field.IsNone)
        {
            return FieldRange.None;
        }

        ReadOnlySpan<byte> value = field.Of(line);
        int percent = value.IndexOf((byte)'%');
        if (percent >= 0 && percent + 2 < value.Length && char.IsAsciiHexDigit((char)value[percent + 1]) && char.IsAsciiHexDigit((char)value[percent + 2]))
        {
            return text.Append(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(Encoding.UTF8.GetString(value))));
        }

        FieldRange header = text.Append(value);
        text.Edit(header).Replace((byte)'+', (byte)' ');
        return header;
    }
}

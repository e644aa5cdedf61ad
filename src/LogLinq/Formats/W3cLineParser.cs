using System.Buffers;
using System.Text;
using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// Parses one file of the W3C extended log format. What a data line holds is whatever the last
/// <c>#Fields:</c> directive said, so the parser keeps that layout from line to line and a later
/// directive replaces it. Data lines are split on bytes; strings are made only for the fields a
/// record keeps.
/// </summary>
internal sealed class W3cLineParser : LineParser
{
    // Beyond this a joined or decoded field is built in a rented buffer rather than on the stack.
    private const int StackChars = 512;

    private W3cField[]? _columns;
    private long _fieldsLine;
    private DateOnly? _directiveDate;

    public override LineResult Parse(in LogLine line, out LogRecord? record, out string? error)
    {
        record = null;
        error = null;
        ReadOnlySpan<byte> bytes = line.Bytes.Span[LineNoise.Length(line.Bytes.Span, line.Number == 1)..];
        if (IsBlank(bytes))
        {
            return LineResult.Skipped;
        }

        if (bytes[0] == '#')
        {
            return Directive(bytes, line.Number, out error);
        }

        if (_columns is null)
        {
            error = "no #Fields: header before this line";
            return LineResult.Malformed;
        }

        return Data(bytes.TrimEnd(" \t"u8), _columns, line, out record, out error);
    }

    private LineResult Directive(ReadOnlySpan<byte> line, long number, out string? error)
    {
        error = null;
        if (IsDirective(line, "#Fields:"u8))
        {
            return Fields(line["#Fields:".Length..], number, out error);
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
        }

        // #Software, #Version, #Remark, #Start-Date, #End-Date and the rest say nothing a record needs.
        return LineResult.Skipped;
    }

    private static bool IsDirective(ReadOnlySpan<byte> line, ReadOnlySpan<byte> name) =>
        line.Length >= name.Length && Ascii.EqualsIgnoreCase(line[..name.Length], name);

    private LineResult Fields(ReadOnlySpan<byte> names, long number, out string? error)
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

        if (columns.Count == 0)
        {
            // Keeping the old layout would read the lines that follow with fields they may not have.
            _columns = null;
            error = "the #Fields: directive lists no fields";
            return LineResult.Malformed;
        }

        _columns = [.. columns];
        _fieldsLine = number;
        error = null;
        return LineResult.Skipped;
    }

    private LineResult Data(ReadOnlySpan<byte> line, W3cField[] columns, in LogLine source, out LogRecord? record, out string? error)
    {
        record = null;
        Span<FieldRange> found = stackalloc FieldRange[W3cFieldNames.Count];
        found.Fill(FieldRange.None);
        int count = 0;
        int pos = 0;
        while (true)
        {
            int gap = line[pos..].IndexOfAny((byte)' ', (byte)'\t');
            int length = gap < 0 ? line.Length - pos : gap;
            if (count < columns.Length && columns[count] != W3cField.Ignored)
            {
                found[(int)columns[count]] = new FieldRange(pos, length);
            }

            count++;
            if (gap < 0)
            {
                break;
            }

            pos += gap + 1;
        }

        if (count != columns.Length)
        {
            error = $"expected {columns.Length} fields, as the #Fields: header on line {_fieldsLine} lists, found {count}";
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

        FieldRange userAgent = found[(int)W3cField.UserAgent];
        record = new LogRecord(
            host: Text(line, found[(int)W3cField.ClientIp]) ?? "-",
            time: time,
            method: Text(line, found[(int)W3cField.Method]) ?? string.Empty,
            path: Path(line, found),
            protocol: Text(line, found[(int)W3cField.Version]) ?? string.Empty,
            status: status,
            bytes: bytes,
            referrer: Text(line, found[(int)W3cField.Referrer]),
            userAgent: userAgent.IsNone ? null : HeaderText(userAgent.Of(line)),
            user: Text(line, found[(int)W3cField.UserName]) ?? "-",
            file: source.File,
            lineNumber: source.Number,
            virtualHost: Text(line, found[(int)W3cField.VirtualHost]));
        return LineResult.Record;
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
            error = $"no time: the #Fields: header on line {_fieldsLine} has no time field";
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

    private static string? Text(ReadOnlySpan<byte> line, FieldRange field) =>
        field.IsNone ? null : KnownText.Get(field.Of(line));

    /// <summary>The stem and the query joined by '?', or the stem alone when the query is "-".</summary>
    private static string Path(ReadOnlySpan<byte> line, ReadOnlySpan<FieldRange> found)
    {
        FieldRange stem = found[(int)W3cField.UriStem];
        if (stem.IsNone)
        {
            return Text(line, found[(int)W3cField.Uri]) ?? string.Empty;
        }

        ReadOnlySpan<byte> query = found[(int)W3cField.UriQuery].Of(line);
        if (query.IsEmpty || (query.Length == 1 && query[0] == '-'))
        {
            return KnownText.Get(stem.Of(line));
        }

        return Decode(stem.Of(line), query, plusToSpace: false);
    }

    /// <summary>
    /// A header's value, kept in one field: IIS writes each space as '+'; CloudFront percent-encodes
    /// the value (a space is <c>%20</c>, and a '+' is itself, as in Googlebot's <c>+http://</c>).
    /// </summary>
    private static string HeaderText(ReadOnlySpan<byte> value)
    {
        int percent = value.IndexOf((byte)'%');
        if (percent >= 0 && percent + 2 < value.Length && char.IsAsciiHexDigit((char)value[percent + 1]) && char.IsAsciiHexDigit((char)value[percent + 2]))
        {
            return Uri.UnescapeDataString(Encoding.UTF8.GetString(value));
        }

        return value.Contains((byte)'+') ? Decode(value, default, plusToSpace: true) : KnownText.Get(value);
    }

    /// <summary>
    /// Decodes <paramref name="first"/>, then '?' and <paramref name="query"/> when there is one, into
    /// a single string without building the parts.
    /// </summary>
    private static string Decode(ReadOnlySpan<byte> first, ReadOnlySpan<byte> query, bool plusToSpace)
    {
        int length = Encoding.UTF8.GetCharCount(first) + (query.IsEmpty ? 0 : 1 + Encoding.UTF8.GetCharCount(query));
        char[]? rented = null;
        Span<char> chars = length <= StackChars ? stackalloc char[length] : (rented = ArrayPool<char>.Shared.Rent(length));
        int written = Encoding.UTF8.GetChars(first, chars);
        if (!query.IsEmpty)
        {
            chars[written++] = '?';
            written += Encoding.UTF8.GetChars(query, chars[written..]);
        }

        if (plusToSpace)
        {
            chars[..written].Replace('+', ' ');
        }

        string text = new(chars[..written]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return text;
    }
}

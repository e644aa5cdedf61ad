namespace LogLinq.Formats;

/// <summary>
/// Parses HAProxy's HTTP log format (<c>option httplog</c>), the line after its syslog header:
/// <c>10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 {1wt.eu} {} "GET /index.html HTTP/1.1"</c>,
/// and its TCP log format (<c>option tcplog</c>: three timers, no status, no request), which a load
/// balancer with TCP frontends writes to the same log. The client is the address without its port;
/// the bytes are those sent to the client, headers included; the duration is the last timer, the
/// total (<c>Ta</c>, or <c>Tt</c> in older versions and in the TCP format; milliseconds). HAProxy writes its local time without an
/// offset: it is read as UTC, as a JSON time without one is, so a result never depends on the reader's zone.
/// </summary>
internal sealed class HaproxyLineParser : TextLineParser
{
    // client [date] frontend backend/server timers, then the status (HTTP only) and the bytes.
    private const int Client = 0;
    private const int Date = 1;
    private const int Timers = 4;
    private const int FirstFields = 7;

    // "dd/MMM/yyyy:HH:mm:ss.fff", the length of HAProxy's accept date.
    private const int DateLength = 24;

    private HttpDate.DayCache _day;

    /// <summary>
    /// Whether <paramref name="line"/> (without any syslog header) is a HAProxy line: a client's
    /// <c>address:port</c>, the accept date in brackets, a frontend, a <c>backend/server</c> and
    /// the timers (three or five, separated by '/').
    /// </summary>
    public static bool Looks(ReadOnlySpan<byte> line)
    {
        Span<FieldRange> fields = stackalloc FieldRange[FirstFields];
        if (Split(line, fields) < Timers + 2)
        {
            return false;
        }

        ReadOnlySpan<byte> date = fields[Date].Of(line);
        return fields[Client].Of(line).Contains((byte)':')
            && date.Length == DateLength + 2 && date[0] == '[' && date[^1] == ']' && date[3] == '/'
            && fields[3].Of(line).Contains((byte)'/')
            && TimerCount(fields[Timers].Of(line)) is 3 or 5;
    }

    protected override LineResult Parse(ReadOnlySpan<byte> bytes, ref FieldText values, ref CommonLogFields found, out string? error)
    {
        error = null;
        Span<FieldRange> fields = stackalloc FieldRange[FirstFields];
        int count = Split(bytes, fields);
        int timers = count > Timers ? TimerCount(fields[Timers].Of(bytes)) : 0;
        bool http = timers == 5;
        if (timers is not (3 or 5) || count < (http ? 7 : 6))
        {
            error = "expected HAProxy's fields: client:port [date] frontend backend/server timers (Tq/Tw/Tc/Tr/Tt, or Tw/Tc/Tt) status bytes";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> date = fields[Date].Of(bytes);
        if (!TryParseDate(date, ref _day, out long ticks))
        {
            error = $"expected the accept date as [06/Feb/2009:12:14:14.655], found {ErrorText.Quote(date)}";
            return LineResult.Malformed;
        }

        int status = 0;
        if (http && !TryParseStatus(fields[Timers + 1].Of(bytes), out status))
        {
            error = $"expected a numeric status after the timers, found {ErrorText.Quote(fields[Timers + 1].Of(bytes))}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> sent = fields[http ? Timers + 2 : Timers + 1].Of(bytes);
        if (!CommonLogParser.TryParseBytes(sent.TrimStart((byte)'+'), out long sentBytes))
        {
            error = $"expected the bytes sent to the client, found {ErrorText.Quote(sent)}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> timerField = fields[Timers].Of(bytes);
        ReadOnlySpan<byte> total = timerField[(timerField.LastIndexOf((byte)'/') + 1)..];
        if (!TryParseTotal(total, out TimeSpan? duration))
        {
            error = $"expected the total time in milliseconds as the last timer, found {ErrorText.Quote(total)}";
            return LineResult.Malformed;
        }

        FieldRange dash = values.Append("-"u8);
        FieldRange method = dash, path = dash, protocol = dash;
        if (http)
        {
            // The request is the last field, quoted; captured headers before it are in braces, with
            // their quotes encoded (#22), so the first quote opens it.
            int open = bytes.IndexOf((byte)'"');
            int close = bytes.LastIndexOf((byte)'"');
            if (open < 0 || close <= open)
            {
                error = "expected the request in quotes at the end of the line";
                return LineResult.Malformed;
            }

            ReadOnlySpan<byte> request = bytes[(open + 1)..close];
            RequestLine.Split(request, out FieldRange methodRange, out FieldRange pathRange, out FieldRange protocolRange);
            (method, path, protocol) = (values.Append(methodRange.Of(request)), values.Append(pathRange.Of(request)), values.Append(protocolRange.Of(request)));
        }

        found.Set(
            host: values.Append(ClientAddress.WithoutPort(fields[Client].Of(bytes))),
            ident: dash,
            user: dash,
            time: new DateTimeOffset(ticks, TimeSpan.Zero),
            method: method,
            path: path,
            protocol: protocol,
            status: status,
            bytes: sentBytes,
            referrer: FieldRange.None,
            userAgent: FieldRange.None,
            virtualHost: FieldRange.None,
            duration: duration);
        return LineResult.Record;
    }

    /// <summary>
    /// The total time, the last timer: whole milliseconds; <c>-1</c> (no total known) is none. With
    /// <c>option logasap</c> HAProxy logs before the end, the time so far after a '+': that is read, as
    /// the least the request took.
    /// </summary>
    private static bool TryParseTotal(ReadOnlySpan<byte> total, out TimeSpan? duration)
    {
        duration = null;
        if (total.SequenceEqual("-1"u8))
        {
            return true;
        }

        if (!DurationText.TryParseMilliseconds(total is [(byte)'+', .. var rest] ? rest : total, out long ticks))
        {
            return false;
        }

        duration = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>The first fields of <paramref name="line"/>, split at single spaces; returns how many.</summary>
    // Not QuotedFields: an IPv6 client, [2001:db8::5]:33318, opens with a bracket that is not a group's.
    private static int Split(ReadOnlySpan<byte> line, Span<FieldRange> fields)
    {
        int count = 0;
        int pos = 0;
        while (count < fields.Length && pos < line.Length)
        {
            int space = line[pos..].IndexOf((byte)' ');
            int end = space < 0 ? line.Length : pos + space;
            fields[count++] = new FieldRange(pos, end - pos);
            pos = end + 1;
        }

        return count;
    }

    /// <summary>How many '/'-separated values the timers field has (<c>10/0/30/69/109</c>: 5).</summary>
    private static int TimerCount(ReadOnlySpan<byte> timers) => timers.IsEmpty ? 0 : timers.Count((byte)'/') + 1;

    /// <summary>The status; <c>-1</c> (no response: the client went away first) is none, 0.</summary>
    private static bool TryParseStatus(ReadOnlySpan<byte> field, out int status)
    {
        if (field.SequenceEqual("-1"u8))
        {
            status = 0;
            return true;
        }

        return CommonLogParser.TryParseStatus(field, out status) && field is not [(byte)'-'];
    }

    /// <summary><c>[dd/MMM/yyyy:HH:mm:ss.fff]</c>, without an offset, as local ticks taken for UTC.</summary>
    private static bool TryParseDate(ReadOnlySpan<byte> field, ref HttpDate.DayCache day, out long ticks)
    {
        ticks = 0;
        if (field.Length != DateLength + 2 || field[0] != '[' || field[^1] != ']')
        {
            return false;
        }

        // HttpDate reads NCSA's time, which has an offset: this one is given +0000.
        Span<byte> text = stackalloc byte[DateLength + 6];
        field[1..^1].CopyTo(text);
        " +0000"u8.CopyTo(text[DateLength..]);
        return HttpDate.TryParse(text, ref day, out ticks, out _);
    }
}

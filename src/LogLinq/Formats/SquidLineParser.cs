namespace LogLinq.Formats;

/// <summary>
/// Parses Squid's native access log format,
/// <c>time elapsed client result/status bytes method URL user hierarchy/peer type</c>, with the
/// time in epoch seconds (UTC) and the elapsed milliseconds padded with spaces:
/// <c>1286536309.586    921 192.168.0.68 TCP_MISS/200 507 GET http://www.google.com/ - DIRECT/74.125.45.104 text/html</c>.
/// An absolute URL gives the path and the vhost; a <c>CONNECT</c>'s <c>host:port</c> is both. The
/// elapsed milliseconds (from the client's connection accepted to its socket closed) are the duration.
/// </summary>
internal sealed class SquidLineParser : TextLineParser
{
    private const int Time = 0;
    private const int Elapsed = 1;
    private const int Client = 2;
    private const int Result = 3;
    private const int Bytes = 4;
    private const int Method = 5;
    private const int Url = 6;
    private const int User = 7;
    private const int Fields = User + 1;

    /// <summary>Whether <paramref name="line"/> looks like Squid's: epoch seconds with milliseconds, a number, a client, <c>RESULT/status</c>.</summary>
    public static bool Looks(ReadOnlySpan<byte> line)
    {
        Span<FieldRange> fields = stackalloc FieldRange[Fields];
        if (Split(line, fields) < Fields)
        {
            return false;
        }

        ReadOnlySpan<byte> time = fields[Time].Of(line);
        ReadOnlySpan<byte> result = fields[Result].Of(line);
        int slash = result.IndexOf((byte)'/');
        return time.Length > 4 && time[^4] == '.' && IsDigits(time[..^4]) && IsDigits(time[^3..])
            && slash > 0 && result.Length - slash == 4;
    }

    protected override LineResult Parse(ReadOnlySpan<byte> bytes, ref FieldText values, ref CommonLogFields found, out string? error)
    {
        error = null;
        Span<FieldRange> fields = stackalloc FieldRange[Fields];
        int count = Split(bytes, fields);
        if (count < Fields)
        {
            error = $"expected at least {Fields} fields (time elapsed client result/status bytes method URL user), found {count}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> time = fields[Time].Of(bytes);
        if (!System.Buffers.Text.Utf8Parser.TryParse(time, out decimal seconds, out int consumed) || consumed != time.Length
            || !EpochTime.TryParse(seconds, out DateTimeOffset when))
        {
            error = $"expected the time in seconds since 1970, found {ErrorText.Quote(time)}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> elapsed = fields[Elapsed].Of(bytes);
        if (!DurationText.TryParseMilliseconds(elapsed, out long elapsedTicks))
        {
            error = $"expected the elapsed milliseconds after the time, found {ErrorText.Quote(elapsed)}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> result = fields[Result].Of(bytes);
        int slash = result.LastIndexOf((byte)'/');
        if (slash < 0 || !CommonLogParser.TryParseStatus(result[(slash + 1)..], out int status))
        {
            error = $"expected the result and status as TCP_MISS/200, found {ErrorText.Quote(result)}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> size = fields[Bytes].Of(bytes);
        if (!CommonLogParser.TryParseBytes(size, out long sent))
        {
            error = $"expected the bytes sent to the client, found {ErrorText.Quote(size)}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> url = fields[Url].Of(bytes);
        (FieldRange path, FieldRange virtualHost) = AbsoluteUrl.Copy(ref values, url);

        // A CONNECT's target is host:port, which is the virtual host too.
        if (virtualHost.IsNone && url is [not (byte)'/', ..] && url.Contains((byte)':') && url.IndexOf("://"u8) < 0)
        {
            virtualHost = path;
        }

        FieldRange dash = values.Append("-"u8);
        found.Set(
            host: values.Append(fields[Client].Of(bytes)),
            ident: dash,
            user: values.Append(fields[User].Of(bytes)),
            time: when,
            method: values.Append(fields[Method].Of(bytes)),
            path: path,
            protocol: dash,
            status: status,
            bytes: sent,
            referrer: FieldRange.None,
            userAgent: FieldRange.None,
            virtualHost: virtualHost,
            duration: TimeSpan.FromTicks(elapsedTicks));
        return LineResult.Record;
    }

    private static bool IsDigits(ReadOnlySpan<byte> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange((byte)'0', (byte)'9');

    /// <summary>The first fields of <paramref name="line"/>, separated by one space or more; returns how many.</summary>
    private static int Split(ReadOnlySpan<byte> line, Span<FieldRange> fields)
    {
        int count = 0;
        int pos = 0;
        while (count < fields.Length)
        {
            while (pos < line.Length && line[pos] == ' ')
            {
                pos++;
            }

            if (pos == line.Length)
            {
                break;
            }

            int space = line[pos..].IndexOf((byte)' ');
            int end = space < 0 ? line.Length : pos + space;
            fields[count++] = new FieldRange(pos, end - pos);
            pos = end;
        }

        return count;
    }
}

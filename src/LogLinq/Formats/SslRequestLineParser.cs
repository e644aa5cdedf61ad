namespace LogLinq.Formats;

/// <summary>
/// Parses the <c>ssl_request_log</c> that the <c>ssl.conf</c> of CentOS, RHEL and Fedora has Apache
/// write beside its access log, <c>"%t %h %{SSL_PROTOCOL}x %{SSL_CIPHER}x \"%r\" %b"</c>:
/// <c>[27/Nov/2026:07:00:00 +0100] 192.0.2.10 TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384 "GET / HTTP/1.1" 5120</c>.
/// The format has no status, so a record's is 0, as for a status logged as <c>-</c>; the protocol and
/// cipher are not kept.
/// </summary>
internal sealed class SslRequestLineParser : TextLineParser
{
    private const int Time = 0;
    private const int Client = 1;
    private const int Request = 4;
    private const int SentBytes = 5;
    private const int Fields = SentBytes + 1;

    private HttpDate.DayCache _day;

    /// <summary>
    /// Whether <paramref name="line"/> looks like mod_ssl's: an NCSA time in brackets first (which
    /// starts no Common line), four fields after it, the fourth a quoted request.
    /// </summary>
    public static bool Looks(ReadOnlySpan<byte> line)
    {
        if (line is not [(byte)'[', ..])
        {
            return false;
        }

        Span<FieldRange> fields = stackalloc FieldRange[Fields];
        return QuotedFields.Split(line, fields) == Fields
            && fields[Request].Of(line) is [(byte)'"', ..]
            && HttpDate.TryParse(QuotedFields.Inside(fields[Time].Of(line)), out _);
    }

    protected override LineResult Parse(ReadOnlySpan<byte> bytes, ref FieldText values, ref CommonLogFields found, out string? error)
    {
        error = null;
        Span<FieldRange> fields = stackalloc FieldRange[Fields];
        int count = QuotedFields.Split(bytes, fields);
        if (count < Fields)
        {
            error = $"expected {Fields} fields ([time] host protocol cipher \"request\" bytes), found {count}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> time = fields[Time].Of(bytes);
        if (time is not [(byte)'[', .., (byte)']'] || !HttpDate.TryParse(time[1..^1], ref _day, out long ticks, out short offsetMinutes))
        {
            error = $"expected a time like [24/Feb/2008:00:08:59 -0600] first, found {ErrorText.Quote(time)}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> request = fields[Request].Of(bytes);
        if (request is not [(byte)'"', .., (byte)'"'])
        {
            error = $"expected the quoted request after the cipher, found {ErrorText.Quote(request)}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> sent = fields[SentBytes].Of(bytes);
        if (!CommonLogParser.TryParseBytes(sent, out long sentBytes))
        {
            error = $"expected the number of bytes (or '-') after the request, found {ErrorText.Quote(sent)}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> line = request[1..^1];
        RequestLine.Split(line, out FieldRange method, out FieldRange path, out FieldRange protocol);
        FieldRange dash = values.Append("-"u8);
        found.Set(
            host: values.Append(fields[Client].Of(bytes)),
            ident: dash,
            user: dash,
            time: HttpDate.ToDateTimeOffset(ticks, offsetMinutes),
            method: values.Append(method.Of(line)),
            path: values.Append(path.Of(line)),
            protocol: values.Append(protocol.Of(line)),
            status: 0,
            bytes: sentBytes,
            referrer: FieldRange.None,
            userAgent: FieldRange.None,
            virtualHost: FieldRange.None);
        return LineResult.Record;
    }
}

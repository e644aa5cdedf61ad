namespace LogLinq.Formats;

/// <summary>
/// Parses Envoy's default access log format, which Envoy writes when its configuration gives none:
/// <c>[%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%" %RESPONSE_CODE%
/// %RESPONSE_FLAGS% %BYTES_RECEIVED% %BYTES_SENT% %DURATION% %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)%
/// "%REQ(X-FORWARDED-FOR)%" "%REQ(USER-AGENT)%" "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%"</c>;
/// and Istio's sidecars' text format, the same with <c>%RESPONSE_CODE_DETAILS%
/// %CONNECTION_TERMINATION_DETAILS% "%UPSTREAM_TRANSPORT_FAILURE_REASON%"</c> after the flags and the
/// upstream cluster and addresses at the end. The client is the X-Forwarded-For header as written
/// (Envoy logs no other), or, where that is <c>-</c>, Istio's <c>%DOWNSTREAM_REMOTE_ADDRESS%</c>
/// without its port; <c>bytes</c> are those sent, <c>vhost</c> the <c>:authority</c> (Host), and
/// <c>duration</c> <c>%DURATION%</c>, in milliseconds.
/// </summary>
internal sealed class EnvoyLineParser : TextLineParser
{
    private const int Time = 0;
    private const int Request = 1;
    private const int Status = 2;

    // Where the fields after the flags are in Envoy's own format; Istio's puts three more before them.
    private const int SentBytes = 5;
    private const int Duration = 6;
    private const int ForwardedFor = 8;
    private const int UserAgent = 9;
    private const int Authority = 11;
    private const int Fields = 13;
    private const int IstioShift = 3;
    private const int IstioDownstreamRemote = 19;
    private const int IstioFields = 22;

    private IsoTime.DayCache _day;

    /// <summary>
    /// Whether <paramref name="line"/> looks like Envoy's: an ISO 8601 time in brackets first (which
    /// starts no NCSA line, and mod_ssl's and the error logs' are NCSA's or ctime's), then the quoted
    /// request and the status.
    /// </summary>
    public static bool Looks(ReadOnlySpan<byte> line)
    {
        if (line is not [(byte)'[', >= (byte)'0' and <= (byte)'9', ..])
        {
            return false;
        }

        Span<FieldRange> fields = stackalloc FieldRange[Fields];
        IsoTime.DayCache day = default;
        return QuotedFields.Split(line, fields) == Fields
            && fields[Request].Of(line) is [(byte)'"', .., (byte)'"']
            && IsoTime.TryParse(QuotedFields.Inside(fields[Time].Of(line)), ref day, out _, out _)
            && TryParseStatus(fields[Status].Of(line), out _);
    }

    protected override LineResult Parse(ReadOnlySpan<byte> bytes, ref FieldText values, ref CommonLogFields found, out string? error)
    {
        error = null;
        Span<FieldRange> fields = stackalloc FieldRange[IstioFields];
        int count = QuotedFields.Split(bytes, fields);
        if (count < Fields)
        {
            error = $"expected Envoy's {Fields} fields ([time] \"request\" status flags received sent duration upstream-time \"forwarded-for\" \"agent\" \"request-id\" \"authority\" \"upstream\"), found {count}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> time = fields[Time].Of(bytes);
        if (time is not [(byte)'[', .., (byte)']'] || !IsoTime.TryParse(time[1..^1], ref _day, out long ticks, out short offsetMinutes))
        {
            error = $"expected a time like [2016-04-15T20:17:00.310Z] first, found {ErrorText.Quote(time)}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> request = fields[Request].Of(bytes);
        if (request is not [(byte)'"', .., (byte)'"'])
        {
            error = $"expected the quoted request after the time, found {ErrorText.Quote(request)}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> statusText = fields[Status].Of(bytes);
        if (!TryParseStatus(statusText, out int status))
        {
            error = $"expected the status after the request, found {ErrorText.Quote(statusText)}";
            return LineResult.Malformed;
        }

        // Istio's %UPSTREAM_TRANSPORT_FAILURE_REASON% is quoted where Envoy's %DURATION% is a number.
        bool istio = fields[Duration].Of(bytes) is [(byte)'"', ..];
        int shift = istio ? IstioShift : 0;
        if (istio && count < IstioFields)
        {
            error = $"expected Istio's {IstioFields} fields (Envoy's, with the response code's details, the termination's and the \"upstream failure\" after the flags, and the upstream's and the connection's addresses at the end), found {count}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> sent = fields[SentBytes + shift].Of(bytes);
        if (!CommonLogParser.TryParseBytes(sent, out long sentBytes))
        {
            error = $"expected the bytes sent (or '-') fourth after the status, found {ErrorText.Quote(sent)}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> durationText = fields[Duration + shift].Of(bytes);
        TimeSpan? duration = null;
        if (DurationText.TryParseMilliseconds(durationText, out long durationTicks))
        {
            duration = TimeSpan.FromTicks(durationTicks);
        }
        else if (durationText is not [(byte)'-'])
        {
            error = $"expected the duration in milliseconds (or '-') after the bytes sent, found {ErrorText.Quote(durationText)}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> client = QuotedFields.Inside(fields[ForwardedFor + shift].Of(bytes));
        if (client is [(byte)'-'] && istio)
        {
            client = ClientAddress.WithoutPort(fields[IstioDownstreamRemote].Of(bytes));
        }

        ReadOnlySpan<byte> authority = QuotedFields.Inside(fields[Authority + shift].Of(bytes));
        ReadOnlySpan<byte> line = request[1..^1];
        RequestLine.Split(line, out FieldRange method, out FieldRange path, out FieldRange protocol);
        FieldRange dash = values.Append("-"u8);
        found.Set(
            host: values.Append(client),
            ident: dash,
            user: dash,
            time: HttpDate.ToDateTimeOffset(ticks, offsetMinutes),
            method: values.Append(method.Of(line)),
            path: values.Append(path.Of(line)),
            protocol: values.Append(protocol.Of(line)),
            status: status,
            bytes: sentBytes,
            referrer: FieldRange.None,
            userAgent: values.Append(QuotedFields.Inside(fields[UserAgent + shift].Of(bytes))),
            virtualHost: authority is [(byte)'-'] ? FieldRange.None : values.Append(authority),
            duration: duration);
        return LineResult.Record;
    }

    // Envoy writes 0 where no response was sent (the client went away first); any other status has three digits.
    private static bool TryParseStatus(ReadOnlySpan<byte> text, out int status)
    {
        status = 0;
        return text is [(byte)'0'] || (text is not [(byte)'-'] && CommonLogParser.TryParseStatus(text, out status));
    }
}

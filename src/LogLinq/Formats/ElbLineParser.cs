namespace LogLinq.Formats;

/// <summary>
/// Parses the access logs of AWS Elastic Load Balancing: an Application Load Balancer's lines,
/// <c>type time elb client:port target:port t1 t2 t3 elb_status target_status received sent "request" "user_agent" ...</c>,
/// and a Classic Load Balancer's, the same from <c>time</c> on. The client is the address without
/// its port (an IPv6 one, written without brackets, is what comes before the last colon), the
/// status the load balancer's (what the client got), the bytes those sent to the client, the duration the sum of the three processing times (request, target, response; seconds),
/// null when any is <c>-1</c> (the load balancer could not dispatch the request, the target closed
/// the connection before answering, ...). The request names an absolute URL (<c>GET https://shop.example:443/cart?x=1 HTTP/1.1</c>):
/// its scheme and host are not the path, and the host, with its port, is the record's vhost.
/// </summary>
internal sealed class ElbLineParser : TextLineParser
{
    // The fields a record needs are the first 13 of a Classic line, 14 of an Application one; the
    // rest (TLS, target group, trace id, ...) are not read.
    private const int ClassicFields = 13;
    private const int Time = 0;
    private const int Client = 2;
    private const int RequestProcessingTime = 4;
    private const int Status = 7;
    private const int SentBytes = 10;
    private const int Request = 11;
    private const int UserAgent = 12;

    private IsoTime.DayCache _day;

    /// <summary>
    /// Whether <paramref name="line"/> looks like an ELB line: a listener type (<c>http</c>, <c>https</c>,
    /// <c>h2</c>, <c>grpcs</c>, <c>ws</c>, <c>wss</c>) or nothing, then an ISO 8601 time in UTC, then a
    /// name and a client's <c>address:port</c>.
    /// </summary>
    public static bool Looks(ReadOnlySpan<byte> line)
    {
        Span<FieldRange> fields = stackalloc FieldRange[4];
        if (QuotedFields.Split(line, fields) < 4)
        {
            return false;
        }

        int at = IsListenerType(fields[0].Of(line)) ? 1 : 0;
        ReadOnlySpan<byte> time = fields[at + Time].Of(line);
        return time.Length >= 20 && time[4] == '-' && time[10] == 'T' && time[^1] == 'Z'
            && fields[at + Client].Of(line).Contains((byte)':');
    }

    protected override LineResult Parse(ReadOnlySpan<byte> bytes, ref FieldText values, ref CommonLogFields found, out string? error)
    {
        error = null;
        Span<FieldRange> fields = stackalloc FieldRange[ClassicFields + 1];
        int count = QuotedFields.Split(bytes, fields);
        int at = count > 0 && IsListenerType(fields[0].Of(bytes)) ? 1 : 0;
        if (count < at + ClassicFields)
        {
            error = $"expected at least {at + ClassicFields} fields ({(at == 1 ? "an Application" : "a Classic")} Load Balancer's line), found {count}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> time = fields[at + Time].Of(bytes);
        if (!IsoTime.TryParse(time, ref _day, out long ticks, out short offsetMinutes))
        {
            error = $"expected an ISO 8601 time, found {ErrorText.Quote(time)}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> status = fields[at + Status].Of(bytes);
        if (!CommonLogParser.TryParseStatus(status, out int code))
        {
            error = $"expected the load balancer's status code, found {ErrorText.Quote(status)}";
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> sent = fields[at + SentBytes].Of(bytes);
        if (!CommonLogParser.TryParseBytes(sent, out long sentBytes))
        {
            error = $"expected the bytes sent to the client, found {ErrorText.Quote(sent)}";
            return LineResult.Malformed;
        }

        TimeSpan? duration = TimeSpan.Zero;
        for (int i = RequestProcessingTime; i < RequestProcessingTime + 3; i++)
        {
            ReadOnlySpan<byte> seconds = fields[at + i].Of(bytes);
            if (seconds.SequenceEqual("-1"u8))
            {
                duration = null;
            }
            else if (DurationText.TryParseSeconds(seconds, out long taken))
            {
                duration += TimeSpan.FromTicks(taken);
            }
            else
            {
                error = $"expected the {TimingNames[i - RequestProcessingTime]} in seconds (or -1), found {ErrorText.Quote(seconds)}";
                return LineResult.Malformed;
            }
        }

        (FieldRange method, FieldRange path, FieldRange protocol, FieldRange virtualHost) = Parts(ref values, QuotedFields.Inside(fields[at + Request].Of(bytes)));
        ReadOnlySpan<byte> agent = QuotedFields.Inside(fields[at + UserAgent].Of(bytes));
        FieldRange dash = values.Append("-"u8);
        found.Set(
            host: values.Append(ClientAddress.WithoutTrailingPort(fields[at + Client].Of(bytes))),
            ident: dash,
            user: dash,
            time: HttpDate.ToDateTimeOffset(ticks, offsetMinutes),
            method: method,
            path: path,
            protocol: protocol,
            status: code,
            bytes: sentBytes,
            referrer: FieldRange.None,
            userAgent: agent is [(byte)'-'] ? FieldRange.None : values.Append(agent),
            virtualHost: virtualHost,
            duration: duration);
        return LineResult.Record;
    }

    // The three timings' names, as AWS's documentation gives them (Application; Classic says "backend").
    private static readonly string[] TimingNames = ["request_processing_time", "target_processing_time", "response_processing_time"];

    private static bool IsListenerType(ReadOnlySpan<byte> field) =>
        field.SequenceEqual("http"u8) || field.SequenceEqual("https"u8) || field.SequenceEqual("h2"u8)
        || field.SequenceEqual("grpcs"u8) || field.SequenceEqual("ws"u8) || field.SequenceEqual("wss"u8);

    /// <summary>
    /// The request's method, path (from the URL's first '/' after its host), protocol, and the URL's
    /// host and port, copied. A TCP or TLS listener's entry (<c>"- - - "</c>) has '-' for each.
    /// </summary>
    private static (FieldRange Method, FieldRange Path, FieldRange Protocol, FieldRange VirtualHost) Parts(ref FieldText values, ReadOnlySpan<byte> request)
    {
        if (request.Trim((byte)' ').SequenceEqual("- - -"u8))
        {
            FieldRange dash = values.Append("-"u8);
            return (dash, dash, dash, FieldRange.None);
        }

        RequestLine.Split(request, out FieldRange method, out FieldRange target, out FieldRange protocol);
        (FieldRange path, FieldRange virtualHost) = AbsoluteUrl.Copy(ref values, target.Of(request));
        return (values.Append(method.Of(request)), path, values.Append(protocol.Of(request)), virtualHost);
    }
}

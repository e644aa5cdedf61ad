using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// Parses the access logs of AWS Elastic Load Balancing: an Application Load Balancer's lines,
/// <c>type time elb client:port target:port t1 t2 t3 elb_status target_status received sent "request" "user_agent" ...</c>,
/// and a Classic Load Balancer's, the same from <c>time</c> on. The client is the address without
/// its port, the status the load balancer's (what the client got), the bytes those sent to the
/// client. The request names an absolute URL (<c>GET https://shop.example:443/cart?x=1 HTTP/1.1</c>):
/// its scheme and host are not the path, and the host, with its port, is the record's vhost.
/// </summary>
internal sealed class ElbLineParser : LineParser
{
    // The fields a record needs are the first 13 of a Classic line, 14 of an Application one; the
    // rest (TLS, target group, trace id, ...) are not read.
    private const int ClassicFields = 13;
    private const int Time = 0;
    private const int Client = 2;
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
        if (Split(line, fields) < 4)
        {
            return false;
        }

        int at = IsListenerType(fields[0].Of(line)) ? 1 : 0;
        ReadOnlySpan<byte> time = fields[at + Time].Of(line);
        return time.Length >= 20 && time[4] == '-' && time[10] == 'T' && time[^1] == 'Z'
            && fields[at + Client].Of(line).Contains((byte)':');
    }

    public override LineResult Parse(in LogLine line, out LogRecord? record, out string? error)
    {
        record = null;
        error = null;
        ReadOnlySpan<byte> bytes = line.Bytes.Span[LineNoise.Length(line.Bytes.Span, line.Number == 1)..].TrimEnd(" \t"u8);
        if (IsBlank(bytes))
        {
            return LineResult.Skipped;
        }

        Span<FieldRange> fields = stackalloc FieldRange[ClassicFields + 1];
        int count = Split(bytes, fields);
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

        ReadOnlySpan<byte> request = Unquoted(fields[at + Request].Of(bytes));
        (string method, string path, string protocol, string? virtualHost) = Parts(request);
        string? agent = KnownText.Get(Unquoted(fields[at + UserAgent].Of(bytes)));
        record = new LogRecord(
            host: KnownText.Get(ClientAddress.WithoutPort(fields[at + Client].Of(bytes))),
            time: new DateTimeOffset(ticks, TimeSpan.FromMinutes(offsetMinutes)),
            method: method,
            path: path,
            protocol: protocol,
            status: code,
            bytes: sentBytes,
            userAgent: agent == "-" ? null : agent,
            file: line.File,
            lineNumber: line.Number,
            virtualHost: virtualHost);
        return LineResult.Record;
    }

    /// <summary>
    /// The first fields of <paramref name="line"/> into <paramref name="fields"/>, as many as fit:
    /// separated by single spaces, a field that opens with a quote running to the quote that ends it
    /// (one followed by a space or the line's end), quotes included. Returns how many were found.
    /// </summary>
    private static int Split(ReadOnlySpan<byte> line, Span<FieldRange> fields)
    {
        int count = 0;
        int pos = 0;
        while (count < fields.Length && pos < line.Length)
        {
            int end;
            if (line[pos] == '"')
            {
                end = pos + 1;
                while (true)
                {
                    int quote = line[end..].IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        end = line.Length;
                        break;
                    }

                    end += quote + 1;
                    if (end == line.Length || line[end] == ' ')
                    {
                        break;
                    }
                }
            }
            else
            {
                int space = line[pos..].IndexOf((byte)' ');
                end = space < 0 ? line.Length : pos + space;
            }

            fields[count++] = new FieldRange(pos, end - pos);
            pos = end + 1;
        }

        return count;
    }

    private static bool IsListenerType(ReadOnlySpan<byte> field) =>
        field.SequenceEqual("http"u8) || field.SequenceEqual("https"u8) || field.SequenceEqual("h2"u8)
        || field.SequenceEqual("grpcs"u8) || field.SequenceEqual("ws"u8) || field.SequenceEqual("wss"u8);

    private static ReadOnlySpan<byte> Unquoted(ReadOnlySpan<byte> field) =>
        field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1] : field;

    /// <summary>
    /// The request's method, path (from the URL's first '/' after its host), protocol, and the URL's
    /// host and port. A TCP or TLS listener's entry (<c>"- - - "</c>) has '-' for each.
    /// </summary>
    private static (string Method, string Path, string Protocol, string? VirtualHost) Parts(ReadOnlySpan<byte> request)
    {
        if (request.Trim((byte)' ').SequenceEqual("- - -"u8))
        {
            return ("-", "-", "-", null);
        }

        RequestLine.Split(request, out FieldRange method, out FieldRange target, out FieldRange protocol);
        ReadOnlySpan<byte> url = target.Of(request);
        string? virtualHost = null;
        int scheme = url.IndexOf("://"u8);
        if (scheme > 0)
        {
            ReadOnlySpan<byte> rest = url[(scheme + 3)..];
            int pathStart = rest.IndexOfAny((byte)'/', (byte)'?');
            ReadOnlySpan<byte> authority = pathStart < 0 ? rest : rest[..pathStart];
            virtualHost = authority.IsEmpty ? null : KnownText.Get(authority);
            url = pathStart < 0 ? "/"u8 : rest[pathStart..];
        }

        string path = url is [(byte)'?', ..] ? "/" + KnownText.Get(url) : KnownText.Get(url);
        return (KnownText.Get(method.Of(request)), path, KnownText.Get(protocol.Of(request)), virtualHost);
    }
}

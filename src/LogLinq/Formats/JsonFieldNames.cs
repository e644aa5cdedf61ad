using System.Text;

namespace LogLinq.Formats;

/// <summary>
/// The top-level key spellings JSON access logs use, compared case-insensitively: nginx's
/// <c>log_format escape=json</c> variables, Logstash's, Traefik's (<c>ClientHost</c>,
/// <c>DownstreamStatus</c>, <c>StartUTC</c>, ...), Envoy's and Istio's (<c>response_code</c>,
/// <c>start_time</c>, ...), Cloudflare's Logpush fields (<c>ClientRequestURI</c>, <c>EdgeResponseStatus</c>, ...),
/// the template in AWS API Gateway's documentation (<c>httpMethod</c>, <c>resourcePath</c>, ...),
/// Kong's (<c>client_ip</c>, <c>started_at</c>), Caddy's top-level <c>user_id</c> and hand-rolled loggers'.
/// </summary>
internal static class JsonFieldNames
{
    /// <summary>
    /// The field <paramref name="key"/> fills. A weak spelling is one that other logs use for something
    /// else (<c>host</c> is often the server's virtual host, <c>date</c> sometimes just the day), so it
    /// gives way to any other spelling of the same field on the line. <c>host</c> stays the
    /// client's, as it was before <see cref="JsonField.VirtualHost"/> existed: only the unambiguous
    /// spellings (<c>vhost</c>, <c>server_name</c>, the Host header's) name the virtual host.
    /// </summary>
    // By length first: this runs for every key of every line.
    public static JsonField Lookup(ReadOnlySpan<byte> key, out bool weak)
    {
        weak = false;
        switch (key.Length)
        {
            case 2:
                return Is(key, "ip"u8) ? JsonField.Host
                    : Is(key, "ts"u8) ? JsonField.Time
                    : JsonField.Ignored;
            case 3:
                return Is(key, "uri"u8) ? JsonField.Path
                    : Is(key, "url"u8) ? JsonField.Path
                    : JsonField.Ignored;
            case 4:
                if (Is(key, "host"u8))
                {
                    weak = true;
                    return JsonField.Host;
                }

                if (Is(key, "date"u8))
                {
                    weak = true;
                    return JsonField.Time;
                }

                return Is(key, "c-ip"u8) ? JsonField.Host
                    : Is(key, "time"u8) ? JsonField.Time
                    : Is(key, "msec"u8) ? JsonField.Time
                    : Is(key, "path"u8) ? JsonField.Path
                    : Is(key, "size"u8) ? JsonField.Bytes
                    : Is(key, "user"u8) ? JsonField.User
                    : Is(key, "took"u8) ? JsonField.Duration
                    : JsonField.Ignored;
            case 5:
                return Is(key, "bytes"u8) ? JsonField.Bytes
                    : Is(key, "agent"u8) ? JsonField.UserAgent
                    : Is(key, "vhost"u8) ? JsonField.VirtualHost
                    : JsonField.Ignored;
            case 6:
                return Is(key, "client"u8) ? JsonField.Host
                    : Is(key, "method"u8) ? JsonField.Method
                    : Is(key, "status"u8) ? JsonField.Status
                    : JsonField.Ignored;
            case 7:
                return Is(key, "request"u8) ? JsonField.Request
                    : Is(key, "referer"u8) ? JsonField.Referrer
                    : Is(key, "elapsed"u8) ? JsonField.Duration
                    : Is(key, "took_ms"u8) ? JsonField.DurationMilliseconds
                    : Is(key, "user_id"u8) ? JsonField.User
                    : JsonField.Ignored;
            case 8:
                return Is(key, "clientip"u8) ? JsonField.Host
                    : Is(key, "protocol"u8) ? JsonField.Protocol
                    : Is(key, "response"u8) ? JsonField.Status
                    : Is(key, "referrer"u8) ? JsonField.Referrer
                    : Is(key, "StartUTC"u8) ? JsonField.StartTime
                    // Traefik's, in nanoseconds, spelt so; any other spelling is Caddy's or Go text.
                    : key.SequenceEqual("Duration"u8) ? JsonField.DurationNanoseconds
                    : Is(key, "duration"u8) ? JsonField.Duration
                    : JsonField.Ignored;
            case 9:
                return Is(key, "timestamp"u8) ? JsonField.Time
                    : Is(key, "useragent"u8) ? JsonField.UserAgent
                    : Is(key, "client_ip"u8) ? JsonField.Host
                    : Is(key, "remote_ip"u8) ? JsonField.Host
                    : Is(key, "http_host"u8) ? JsonField.VirtualHost
                    : Is(key, "authority"u8) ? JsonField.VirtualHost
                    : JsonField.Ignored;
            case 10:
                return Is(key, "@timestamp"u8) ? JsonField.Time
                    : Is(key, "time_local"u8) ? JsonField.Time
                    : Is(key, "bytes_sent"u8) ? JsonField.Bytes
                    : Is(key, "user_agent"u8) ? JsonField.UserAgent
                    : Is(key, "ClientHost"u8) ? JsonField.Host
                    : Is(key, "ClientAddr"u8) ? JsonField.ClientAddress
                    : Is(key, "httpMethod"u8) ? JsonField.Method
                    : Is(key, "start_time"u8) ? JsonField.StartTime
                    : Is(key, "started_at"u8) ? JsonField.StartTime
                    : Is(key, "StartLocal"u8) ? JsonField.StartTime
                    : Is(key, "elapsed_ms"u8) ? JsonField.DurationMilliseconds
                    : JsonField.Ignored;
            case 11:
                return Is(key, "remote_addr"u8) ? JsonField.Host
                    : Is(key, "server_name"u8) ? JsonField.VirtualHost
                    : Is(key, "request_uri"u8) ? JsonField.Path
                    : Is(key, "status_code"u8) ? JsonField.Status
                    : Is(key, "remote_user"u8) ? JsonField.User
                    : Is(key, "requestTime"u8) ? JsonField.Time
                    : Is(key, "RequestPath"u8) ? JsonField.Path
                    : Is(key, "RequestHost"u8) ? JsonField.VirtualHost
                    : Is(key, "duration_ms"u8) ? JsonField.DurationMilliseconds
                    : JsonField.Ignored;
            case 12:
                return Is(key, "http_referer"u8) ? JsonField.Referrer
                    : Is(key, "virtual_host"u8) ? JsonField.VirtualHost
                    : Is(key, "time_iso8601"u8) ? JsonField.Time
                    : Is(key, "resourcePath"u8) ? JsonField.Path
                    : Is(key, "request_time"u8) ? JsonField.DurationSeconds
                    : JsonField.Ignored;
            case 13:
                return Is(key, "response_size"u8) ? JsonField.Bytes
                    : Is(key, "response_code"u8) ? JsonField.Status
                    : Is(key, "RequestMethod"u8) ? JsonField.Method
                    : JsonField.Ignored;
            case 14:
                return Is(key, "request_method"u8) ? JsonField.Method
                    : Is(key, "responseLength"u8) ? JsonField.Bytes
                    : Is(key, "ClientUsername"u8) ? JsonField.User
                    : JsonField.Ignored;
            case 15:
                return Is(key, "body_bytes_sent"u8) ? JsonField.Bytes
                    : Is(key, "server_protocol"u8) ? JsonField.Protocol
                    : Is(key, "http_user_agent"u8) ? JsonField.UserAgent
                    : Is(key, "RequestProtocol"u8) ? JsonField.Protocol
                    : Is(key, "request_Referer"u8) ? JsonField.Referrer
                    : JsonField.Ignored;
            case 16:
                return Is(key, "DownstreamStatus"u8) ? JsonField.Status
                    : Is(key, "ClientRequestURI"u8) ? JsonField.Path
                    : Is(key, "EdgeEndTimestamp"u8) ? JsonField.EndTime
                    : JsonField.Ignored;
            case 17:
                return Is(key, "ClientRequestHost"u8) ? JsonField.VirtualHost
                    : Is(key, "EdgeResponseBytes"u8) ? JsonField.Bytes
                    : JsonField.Ignored;
            case 18:
                return Is(key, "request_User-Agent"u8) ? JsonField.UserAgent
                    : Is(key, "EdgeResponseStatus"u8) ? JsonField.Status
                    : Is(key, "EdgeStartTimestamp"u8) ? JsonField.StartTime
                    : JsonField.Ignored;
            case 19:
                return Is(key, "ClientRequestMethod"u8) ? JsonField.Method : JsonField.Ignored;
            case 20:
                return Is(key, "ClientRequestReferer"u8) ? JsonField.Referrer : JsonField.Ignored;
            case 21:
                return Is(key, "DownstreamContentSize"u8) ? JsonField.Bytes
                    : Is(key, "ClientRequestProtocol"u8) ? JsonField.Protocol
                    : JsonField.Ignored;
            case 22:
                return Is(key, "ClientRequestUserAgent"u8) ? JsonField.UserAgent : JsonField.Ignored;
            case 25:
                return Is(key, "downstream_remote_address"u8) ? JsonField.ClientAddress : JsonField.Ignored;
            default:
                return JsonField.Ignored;
        }
    }

    private static bool Is(ReadOnlySpan<byte> key, ReadOnlySpan<byte> known) => Ascii.EqualsIgnoreCase(key, known);
}

using System.Text;

namespace LogLinq.Formats;

/// <summary>
/// The key spellings JSON access logs use (nginx <c>log_format escape=json</c> variables, Logstash,
/// hand-rolled loggers), compared case-insensitively.
/// </summary>
internal static class JsonFieldNames
{
    /// <summary>
    /// The field <paramref name="key"/> fills. A weak spelling is one that other logs use for something
    /// else (<c>host</c> is often the server's virtual host, <c>date</c> sometimes just the day), so it
    /// gives way to any other spelling of the same field on the line. <c>host</c> stays the client's,
    /// as it was before <see cref="JsonField.VirtualHost"/> existed: only the unambiguous spellings
    /// (<c>vhost</c>, <c>server_name</c>, <c>virtual_host</c>) name the virtual host.
    /// </summary>
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
                    : Is(key, "path"u8) ? JsonField.Path
                    : Is(key, "size"u8) ? JsonField.Bytes
                    : Is(key, "user"u8) ? JsonField.User
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
                    : JsonField.Ignored;
            case 8:
                return Is(key, "clientip"u8) ? JsonField.Host
                    : Is(key, "protocol"u8) ? JsonField.Protocol
                    : Is(key, "response"u8) ? JsonField.Status
                    : Is(key, "referrer"u8) ? JsonField.Referrer
                    : JsonField.Ignored;
            case 9:
                return Is(key, "timestamp"u8) ? JsonField.Time
                    : Is(key, "useragent"u8) ? JsonField.UserAgent
                    : JsonField.Ignored;
            case 10:
                return Is(key, "@timestamp"u8) ? JsonField.Time
                    : Is(key, "time_local"u8) ? JsonField.Time
                    : Is(key, "bytes_sent"u8) ? JsonField.Bytes
                    : Is(key, "user_agent"u8) ? JsonField.UserAgent
                    : JsonField.Ignored;
            case 11:
                return Is(key, "remote_addr"u8) ? JsonField.Host
                    : Is(key, "server_name"u8) ? JsonField.VirtualHost
                    : Is(key, "request_uri"u8) ? JsonField.Path
                    : Is(key, "status_code"u8) ? JsonField.Status
                    : Is(key, "remote_user"u8) ? JsonField.User
                    : JsonField.Ignored;
            case 12:
                return Is(key, "http_referer"u8) ? JsonField.Referrer
                    : Is(key, "virtual_host"u8) ? JsonField.VirtualHost
                    : JsonField.Ignored;
            case 13:
                return Is(key, "response_size"u8) ? JsonField.Bytes : JsonField.Ignored;
            case 14:
                return Is(key, "request_method"u8) ? JsonField.Method : JsonField.Ignored;
            case 15:
                return Is(key, "body_bytes_sent"u8) ? JsonField.Bytes
                    : Is(key, "server_protocol"u8) ? JsonField.Protocol
                    : Is(key, "http_user_agent"u8) ? JsonField.UserAgent
                    : JsonField.Ignored;
            default:
                return JsonField.Ignored;
        }
    }

    private static bool Is(ReadOnlySpan<byte> key, ReadOnlySpan<byte> known) => Ascii.EqualsIgnoreCase(key, known);
}

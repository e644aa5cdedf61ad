using System.Text;

namespace LogLinq.Formats;

/// <summary>
/// The nested keys of JSON access logs that put the request in objects of its own: Caddy
/// (<c>{"request": {"client_ip": ..., "method": ..., "uri": ..., "headers": {"User-Agent": [...]}}}</c>),
/// Kong (<c>request.uri</c>, <c>response.status</c>, <c>response.size</c>), Google Cloud's
/// <c>httpRequest</c> (<c>httpRequest.requestUrl</c>, <c>httpRequest.status</c>, ...) and the Elastic
/// Common Schema (<c>http.response.status_code</c>, <c>url.original</c>, <c>source.ip</c>, ...), as
/// dotted paths compared case-insensitively. Objects not named here are
/// read past, so a nested <c>upstream.status</c> cannot pass for the response's.
/// </summary>
internal static class JsonFieldPaths
{
    /// <summary>The longest path looked up; a longer one is nothing of ours.</summary>
    public const int MaxLength = 32;

    private static readonly string[] Containers =
    [
        "request", "request.headers", "http", "http.request", "http.response", "http.response.body",
        "url", "source", "client", "user_agent", "user", "response", "httpRequest", "event",
    ];

    // Weak spellings give way to any other spelling of the same field on the line: Caddy's remote_ip
    // is the proxy's address where client_ip is the client's; url.path lacks the query url.original has;
    // Kong's request.url is the whole URL, scheme and host too, where its request.uri is the path.
    private static readonly (string Path, JsonField Field, bool Weak)[] Fields =
    [
        ("request.client_ip", JsonField.Host, false),
        ("request.remote_ip", JsonField.Host, true),
        ("request.method", JsonField.Method, false),
        ("request.uri", JsonField.Path, false),
        ("request.proto", JsonField.Protocol, false),
        ("request.host", JsonField.VirtualHost, false),
        ("request.headers.user-agent", JsonField.UserAgent, false),
        ("request.headers.referer", JsonField.Referrer, false),
        ("request.headers.host", JsonField.VirtualHost, true),
        ("request.url", JsonField.Path, true),
        ("response.status", JsonField.Status, false),
        ("response.size", JsonField.Bytes, false),
        ("httpRequest.requestMethod", JsonField.Method, false),
        ("httpRequest.requestUrl", JsonField.Path, false),
        ("httpRequest.protocol", JsonField.Protocol, false),
        ("httpRequest.status", JsonField.Status, false),
        ("httpRequest.responseSize", JsonField.Bytes, false),
        ("httpRequest.remoteIp", JsonField.Host, false),
        ("httpRequest.referer", JsonField.Referrer, false),
        ("httpRequest.userAgent", JsonField.UserAgent, false),
        ("httpRequest.latency", JsonField.Duration, false), // protobuf's Duration in JSON: "0.123s"
        ("event.duration", JsonField.DurationNanoseconds, false),
        ("http.request.method", JsonField.Method, false),
        ("http.request.referrer", JsonField.Referrer, false),
        ("http.response.status_code", JsonField.Status, false),
        ("http.response.body.bytes", JsonField.Bytes, false),
        ("http.version", JsonField.Protocol, false),
        ("url.original", JsonField.Path, false),
        ("url.path", JsonField.Path, true),
        ("source.ip", JsonField.Host, false),
        ("source.address", JsonField.Host, true),
        ("client.ip", JsonField.Host, false),
        ("client.address", JsonField.Host, true),
        ("user_agent.original", JsonField.UserAgent, false),
        ("user.name", JsonField.User, false),
    ];

    /// <summary>Whether the object at <paramref name="path"/> holds fields of ours.</summary>
    public static bool IsContainer(ReadOnlySpan<byte> path)
    {
        foreach (string container in Containers)
        {
            if (Is(path, container))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The field the value at <paramref name="path"/> fills (see <see cref="JsonFieldNames.Lookup"/> for weak).</summary>
    public static JsonField Lookup(ReadOnlySpan<byte> path, out bool weak)
    {
        foreach ((string known, JsonField field, bool isWeak) in Fields)
        {
            if (Is(path, known))
            {
                weak = isWeak;
                return field;
            }
        }

        weak = false;
        return JsonField.Ignored;
    }

    private static bool Is(ReadOnlySpan<byte> path, string known) => Ascii.EqualsIgnoreCase(path, known);
}

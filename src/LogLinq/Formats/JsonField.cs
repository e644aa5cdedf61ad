namespace LogLinq.Formats;

/// <summary>The <see cref="Records.LogRecord"/> field a key of a JSON log line fills.</summary>
internal enum JsonField : byte
{
    /// <summary>A key the record has no place for.</summary>
    Ignored,

    /// <summary>The client's address.</summary>
    Host,

    /// <summary>
    /// The client's address with the port it connected from (Traefik's <c>ClientAddr</c>, Envoy's
    /// <c>downstream_remote_address</c>): the address without the port, when no other key names the client.
    /// </summary>
    ClientAddress,

    /// <summary>When the request was received.</summary>
    Time,

    /// <summary>
    /// When the request started, in a log that also writes when the line was written (Traefik's
    /// <c>StartUTC</c> beside its <c>time</c>, Envoy's <c>start_time</c>, Kong's <c>started_at</c>):
    /// the record's time over any <see cref="Time"/> key, as NCSA's time is the request's arrival.
    /// </summary>
    StartTime,

    /// <summary>
    /// When the response ended, in a log that writes when the request started too (Cloudflare's
    /// <c>EdgeEndTimestamp</c> beside <c>EdgeStartTimestamp</c>): the two make the duration, where no
    /// key gives one.
    /// </summary>
    EndTime,

    /// <summary>The request method.</summary>
    Method,

    /// <summary>The requested path, with its query.</summary>
    Path,

    /// <summary>The whole request line, <c>GET /x HTTP/1.1</c>, split when its parts have no keys of their own.</summary>
    Request,

    /// <summary>The protocol.</summary>
    Protocol,

    /// <summary>The response status.</summary>
    Status,

    /// <summary>The size of the response body.</summary>
    Bytes,

    /// <summary>The Referer header.</summary>
    Referrer,

    /// <summary>The User-Agent header.</summary>
    UserAgent,

    /// <summary>The authenticated user.</summary>
    User,

    /// <summary>The virtual host that served the request (the request's Host header, or the server's name).</summary>
    VirtualHost,

    /// <summary>
    /// How long the request took, under a key that does not say its unit (<c>duration</c>, <c>took</c>,
    /// <c>elapsed</c>): Go's duration text (<c>350ms</c>, <c>1.5s</c>) anywhere; a bare number only as
    /// Caddy writes it, seconds, on a line with Caddy's <c>request</c> object. Any other number's
    /// unit is a guess (Envoy's <c>duration</c> is milliseconds), and is not made.
    /// </summary>
    Duration,

    /// <summary>How long the request took, in seconds, a fraction allowed: nginx's <c>request_time</c>.</summary>
    DurationSeconds,

    /// <summary>How long the request took, in milliseconds, as the key says: <c>duration_ms</c>, <c>took_ms</c>, <c>elapsed_ms</c>.</summary>
    DurationMilliseconds,

    /// <summary>How long the request took, in whole microseconds: Google Cloud Storage's <c>time_taken_micros</c>.</summary>
    DurationMicroseconds,

    /// <summary>How long the request took, in whole nanoseconds: Traefik's <c>Duration</c>, the Elastic Common Schema's <c>event.duration</c>.</summary>
    DurationNanoseconds,
}

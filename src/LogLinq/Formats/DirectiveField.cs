namespace LogLinq.Formats;

/// <summary>
/// What one directive of a server's log format (<c>%h</c>, <c>$request_time</c>) writes, as the field
/// of a <see cref="Records.LogRecord"/> it becomes, and so how its text is read.
/// </summary>
internal enum DirectiveField
{
    /// <summary>Read past and not kept: a directive the record has no field for, or a second one for a field already given.</summary>
    Ignored,

    /// <summary>The client's address (<c>%h</c>, <c>$remote_addr</c>).</summary>
    Host,

    /// <summary>The RFC 1413 identity (<c>%l</c>).</summary>
    Ident,

    /// <summary>The authenticated user (<c>%u</c>, <c>$remote_user</c>).</summary>
    User,

    /// <summary>Apache's <c>%t</c>: the NCSA time with its brackets, <c>[10/Oct/2000:13:55:36 -0700]</c>.</summary>
    BracketedTime,

    /// <summary>nginx's <c>$time_local</c>: the NCSA time without brackets, always 26 bytes.</summary>
    NcsaTime,

    /// <summary>An ISO 8601 time (<c>$time_iso8601</c>).</summary>
    IsoTime,

    /// <summary>A time as <c>strftime</c> wrote it (<c>%{%Y-%m-%d %H:%M:%S}t</c>): read by a <see cref="StrftimeLayout"/>.</summary>
    StrftimeTime,

    /// <summary>Seconds since 1970, with or without a fraction (<c>%{sec}t</c>, <c>$msec</c>).</summary>
    EpochSeconds,

    /// <summary>Milliseconds since 1970 (<c>%{msec}t</c>).</summary>
    EpochMilliseconds,

    /// <summary>Microseconds since 1970 (<c>%{usec}t</c>).</summary>
    EpochMicroseconds,

    /// <summary>The request line (<c>%r</c>, <c>$request</c>).</summary>
    Request,

    /// <summary>The request's method (<c>%m</c>, <c>$request_method</c>).</summary>
    Method,

    /// <summary>The request's path, with its query where the format writes it next (<c>%U%q</c>, <c>$request_uri</c>).</summary>
    Path,

    /// <summary>A query string, which is part of the path when it follows one; ignored otherwise.</summary>
    Query,

    /// <summary>The request's protocol (<c>%H</c>, <c>$server_protocol</c>).</summary>
    Protocol,

    /// <summary>The status (<c>%&gt;s</c>, <c>$status</c>).</summary>
    Status,

    /// <summary>The bytes of the response's body (<c>%b</c>, <c>$body_bytes_sent</c>).</summary>
    Bytes,

    /// <summary>The bytes sent, headers included (<c>%O</c>, <c>$bytes_sent</c>): the bytes where the format has no body's.</summary>
    BytesWithHeaders,

    /// <summary>The <c>Referer</c> header.</summary>
    Referrer,

    /// <summary>The <c>User-Agent</c> header.</summary>
    UserAgent,

    /// <summary>The server's name (<c>%v</c>, <c>$host</c>), with the port where the format writes <c>name:port</c>.</summary>
    VirtualHost,

    /// <summary>A port, which is part of the virtual host when it follows one after a colon; ignored otherwise.</summary>
    Port,

    /// <summary>How long the request took in seconds, with or without a fraction (<c>%T</c>, <c>$request_time</c>).</summary>
    DurationSeconds,

    /// <summary>The same in milliseconds (<c>%{ms}T</c>).</summary>
    DurationMilliseconds,

    /// <summary>The same in microseconds (<c>%D</c>, <c>%{us}T</c>).</summary>
    DurationMicroseconds,
}

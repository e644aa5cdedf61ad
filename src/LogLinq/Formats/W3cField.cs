namespace LogLinq.Formats;

/// <summary>
/// The W3C extended log fields that become part of a <see cref="Records.LogRecord"/>; every other
/// field a <c>#Fields:</c> directive lists is read past.
/// </summary>
internal enum W3cField : byte
{
    /// <summary>A field the record has no place for (<c>s-ip</c>, <c>sc-win32-status</c>, ...).</summary>
    Ignored,

    /// <summary><c>date</c>: the UTC date, <c>2024-03-01</c>.</summary>
    Date,

    /// <summary><c>time</c>: the UTC time of day, <c>12:34:56</c>.</summary>
    Time,

    /// <summary><c>c-ip</c>: the client's address.</summary>
    ClientIp,

    /// <summary><c>cs-username</c>: the authenticated user.</summary>
    UserName,

    /// <summary><c>cs-method</c>.</summary>
    Method,

    /// <summary><c>cs-uri-stem</c>: the path without its query.</summary>
    UriStem,

    /// <summary><c>cs-uri-query</c>: the query, without its '?'; "-" when there is none.</summary>
    UriQuery,

    /// <summary><c>cs-uri</c>: the whole URI, for writers that log it in one field.</summary>
    Uri,

    /// <summary><c>cs-version</c> (CloudFront: <c>cs-protocol-version</c>): the protocol, <c>HTTP/1.1</c>.</summary>
    Version,

    /// <summary><c>sc-status</c>.</summary>
    Status,

    /// <summary><c>sc-bytes</c>: bytes sent to the client.</summary>
    Bytes,

    /// <summary><c>cs(Referer)</c>.</summary>
    Referrer,

    /// <summary><c>cs(User-Agent)</c>, with '+' for each space (IIS) or percent-encoded (CloudFront).</summary>
    UserAgent,

    /// <summary>
    /// <c>cs-host</c>: the Host header, the virtual host the client asked for; CloudFront's
    /// <c>cs(Host)</c>, the distribution's own domain (<c>d111111abcdef8.cloudfront.net</c>).
    /// </summary>
    VirtualHost,

    /// <summary>
    /// CloudFront's <c>x-host-header</c>: the Host header the viewer sent, the site's alternate domain
    /// name (<c>www.example.com</c>) where it has one, and so the virtual host before <c>cs(Host)</c>.
    /// </summary>
    HostHeader,

    /// <summary>
    /// <c>time-taken</c>: how long the request took, in whole milliseconds (IIS), or in seconds with
    /// a fraction (CloudFront: <c>0.082</c>).
    /// </summary>
    TimeTaken,

    /// <summary>
    /// <c>x-edge-location</c>, never kept: a <c>#Fields:</c> that lists it is CloudFront's, whose
    /// <c>time-taken</c> is in seconds.
    /// </summary>
    EdgeLocation,
}

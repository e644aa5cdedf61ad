namespace LogLinq.Formats;

/// <summary>The <see cref="Records.LogRecord"/> field a key of a JSON log line fills.</summary>
internal enum JsonField : byte
{
    /// <summary>A key the record has no place for.</summary>
    Ignored,

    /// <summary>The client's address.</summary>
    Host,

    /// <summary>When the request was received.</summary>
    Time,

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
}

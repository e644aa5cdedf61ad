namespace LogLinq.Records;

/// <summary>The text fields of a <see cref="LogRecord"/>, for code that reads them as UTF-8 rather than as strings.</summary>
internal enum TextField : byte
{
    /// <summary><see cref="LogRecord.Host"/>.</summary>
    Host,

    /// <summary><see cref="LogRecord.Ident"/>.</summary>
    Ident,

    /// <summary><see cref="LogRecord.User"/>.</summary>
    User,

    /// <summary><see cref="LogRecord.Method"/>.</summary>
    Method,

    /// <summary><see cref="LogRecord.Path"/>.</summary>
    Path,

    /// <summary><see cref="LogRecord.Protocol"/>.</summary>
    Protocol,

    /// <summary><see cref="LogRecord.Referrer"/>.</summary>
    Referrer,

    /// <summary><see cref="LogRecord.UserAgent"/>.</summary>
    UserAgent,
}

namespace LogLinq.Interchange;

/// <summary>Where a field of a record stream goes in a <see cref="Records.LogRecord"/>: by name, since a stream may order its fields as it likes.</summary>
internal enum RecordSlot : byte
{
    /// <summary>A field this version does not know: read past.</summary>
    Unknown,

    /// <summary><c>host</c>.</summary>
    Host,

    /// <summary><c>ident</c>.</summary>
    Ident,

    /// <summary><c>user</c>.</summary>
    User,

    /// <summary><c>time</c>.</summary>
    Time,

    /// <summary><c>method</c>.</summary>
    Method,

    /// <summary><c>path</c>.</summary>
    Path,

    /// <summary><c>protocol</c>.</summary>
    Protocol,

    /// <summary><c>status</c>.</summary>
    Status,

    /// <summary><c>bytes</c>.</summary>
    Bytes,

    /// <summary><c>referrer</c>.</summary>
    Referrer,

    /// <summary><c>agent</c>.</summary>
    Agent,

    /// <summary><c>file</c>.</summary>
    File,

    /// <summary><c>line</c>.</summary>
    Line,

    /// <summary><c>vhost</c>, which streams written before it was added lack.</summary>
    VirtualHost,

    /// <summary><c>duration</c>, text of its ticks, which streams written before it was added lack.</summary>
    Duration,
}

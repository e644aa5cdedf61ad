namespace LogLinq.Query.Planning;

/// <summary>The fields of a <see cref="Records.LogRecord"/>, as flags so a plan can say which it needs.</summary>
[Flags]
internal enum LogField
{
    None = 0,
    Host = 1 << 0,
    Ident = 1 << 1,
    User = 1 << 2,
    Time = 1 << 3,
    Method = 1 << 4,
    Path = 1 << 5,
    Protocol = 1 << 6,
    Status = 1 << 7,
    Bytes = 1 << 8,
    Referrer = 1 << 9,
    UserAgent = 1 << 10,
    File = 1 << 11,
    LineNumber = 1 << 12,
    VirtualHost = 1 << 13,
    Duration = 1 << 14,

    /// <summary>The whole record is handed to code the planner cannot see into.</summary>
    Record = 1 << 15,
}

using LogLinq.Records;

namespace LogLinq.Language;

/// <summary>The fields a query can name, and the <see cref="LogRecord"/> property each one reads.</summary>
internal static class RecordFields
{
    /// <summary>Every field, in the order a record's columns are printed.</summary>
    public static readonly IReadOnlyList<(string Name, string Property)> All =
    [
        ("host", nameof(LogRecord.Host)),
        ("ident", nameof(LogRecord.Ident)),
        ("user", nameof(LogRecord.User)),
        ("time", nameof(LogRecord.Time)),
        ("method", nameof(LogRecord.Method)),
        ("path", nameof(LogRecord.Path)),
        ("protocol", nameof(LogRecord.Protocol)),
        ("status", nameof(LogRecord.Status)),
        ("bytes", nameof(LogRecord.Bytes)),
        ("referrer", nameof(LogRecord.Referrer)),
        ("agent", nameof(LogRecord.UserAgent)),
        ("vhost", nameof(LogRecord.VirtualHost)),
        ("duration", nameof(LogRecord.Duration)),
        ("file", nameof(LogRecord.File)),
        ("line", nameof(LogRecord.LineNumber)),
    ];

    /// <summary>The properties that are null where the log format has no such field (all text but the duration).</summary>
    public static readonly IReadOnlySet<string> Nullable = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(LogRecord.Referrer),
        nameof(LogRecord.UserAgent),
        nameof(LogRecord.VirtualHost),
        nameof(LogRecord.Duration),
    };
}

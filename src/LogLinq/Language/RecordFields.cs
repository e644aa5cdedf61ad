using LogLinq.Records;

namespace LogLinq.Language;

/// <summary>The fields a query can name, and the <see cref="LogRecord"/> property each one reads.</summary>
internal static class RecordFields
{
    /// <summary>Every field, in the order a record's columns are printed.</summary>
    // Of a class, not a tuple: LINQ over a list of a value type runs code no ready-to-run image
    // holds, compiled at every start.
    public static readonly IReadOnlyList<Field> All =
    [
        new("host", nameof(LogRecord.Host)),
        new("ident", nameof(LogRecord.Ident)),
        new("user", nameof(LogRecord.User)),
        new("time", nameof(LogRecord.Time)),
        new("method", nameof(LogRecord.Method)),
        new("path", nameof(LogRecord.Path)),
        new("protocol", nameof(LogRecord.Protocol)),
        new("status", nameof(LogRecord.Status)),
        new("bytes", nameof(LogRecord.Bytes)),
        new("referrer", nameof(LogRecord.Referrer)),
        new("agent", nameof(LogRecord.UserAgent)),
        new("vhost", nameof(LogRecord.VirtualHost)),
        new("duration", nameof(LogRecord.Duration)),
        new("file", nameof(LogRecord.File)),
        new("line", nameof(LogRecord.LineNumber)),
    ];

    /// <summary>A field's name in the language and the <see cref="LogRecord"/> property it reads.</summary>
    public sealed record Field(string Name, string Property);

    /// <summary>The properties that are null where the log format has no such field (all text but the duration).</summary>
    public static readonly IReadOnlySet<string> Nullable = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(LogRecord.Referrer),
        nameof(LogRecord.UserAgent),
        nameof(LogRecord.VirtualHost),
        nameof(LogRecord.Duration),
    };
}

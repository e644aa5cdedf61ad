using LogLinq.Query.Planning;
using LogLinq.Records;

namespace LogLinq.Query.Execution;

/// <summary>Reads one field of a <see cref="Row"/>: from the raw bytes when there are any, else from the record.</summary>
internal static class RowFields
{
    /// <summary>The raw bytes of a text field of a raw row.</summary>
    public static ReadOnlySpan<byte> RawText(ref Row row, LogField field) => field switch
    {
        LogField.Host => row.Fields.Host.Of(row.Line),
        LogField.Ident => row.Fields.Ident.Of(row.Line),
        LogField.User => row.Fields.User.Of(row.Line),
        LogField.Method => row.Fields.Method(row.Line).Of(row.Line),
        LogField.Path => row.Fields.Path(row.Line).Of(row.Line),
        LogField.Protocol => row.Fields.Protocol(row.Line).Of(row.Line),
        LogField.Referrer => row.Fields.Referrer.Of(row.Line),
        LogField.UserAgent => row.Fields.UserAgent.Of(row.Line),
        LogField.VirtualHost => row.Fields.VirtualHostIn(row.Line).Of(row.Line),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a text field"),
    };

    /// <summary>Whether a text field of a raw row is absent (Referrer and UserAgent in the Common format, VirtualHost but in vhost_combined).</summary>
    public static bool RawIsNull(ref Row row, LogField field) => field switch
    {
        LogField.Referrer => row.Fields.Referrer.IsNone,
        LogField.UserAgent => row.Fields.UserAgent.IsNone,
        LogField.VirtualHost => row.Fields.VirtualHostIn(row.Line).IsNone,
        _ => false,
    };

    /// <summary>A text field of a record.</summary>
    public static string? Text(LogRecord record, LogField field) => field switch
    {
        LogField.Host => record.Host,
        LogField.Ident => record.Ident,
        LogField.User => record.User,
        LogField.Method => record.Method,
        LogField.Path => record.Path,
        LogField.Protocol => record.Protocol,
        LogField.Referrer => record.Referrer,
        LogField.UserAgent => record.UserAgent,
        LogField.VirtualHost => record.VirtualHost,
        LogField.File => record.File,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a text field"),
    };

    /// <summary>A numeric field (Status, Bytes) as a long.</summary>
    public static long Number(ref Row row, LogField field) => field switch
    {
        LogField.Status => row.IsRaw ? row.Fields.Status : row.Record.Status,
        LogField.Bytes => row.IsRaw ? row.Fields.Bytes : row.Record.Bytes,
        LogField.LineNumber => row.LineNumber,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a numeric field"),
    };

    /// <summary>The time of a row.</summary>
    public static DateTimeOffset Time(ref Row row) => row.IsRaw ? row.Fields.Time : row.Record.Time;

    /// <summary>How long a row's request took; null where its format or line has no such field.</summary>
    public static TimeSpan? Duration(ref Row row) => row.IsRaw ? row.Fields.DurationIn(row.Line) : row.Record.Duration;

    /// <summary>The lower-case name used in plans and in the query language.</summary>
    public static string Name(LogField field) => field switch
    {
        LogField.UserAgent => "agent",
        LogField.LineNumber => "line",
        LogField.VirtualHost => "vhost",
        _ => field.ToString().ToLowerInvariant(),
    };
}

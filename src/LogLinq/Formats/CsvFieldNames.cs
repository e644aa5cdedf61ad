using System.Text;

namespace LogLinq.Formats;

/// <summary>
/// The column names of a CSV log's header: Google Cloud Storage's usage logs' (<c>time_micros</c>,
/// <c>c_ip</c>, <c>cs_uri</c>, <c>sc_status</c>, ...), and otherwise the spellings JSON lines use
/// (<see cref="JsonFieldNames"/>), which have Cloudflare's Logpush fields and the plain names a
/// spreadsheet or a BigQuery export gives (<c>time</c>, <c>host</c>, <c>status</c>, <c>bytes</c>).
/// </summary>
/// <remarks>
/// Storage's names are kept here, not with JSON's: they come only in its CSV files, and each header is
/// looked up once a file, not once a line.
/// </remarks>
internal static class CsvFieldNames
{
    /// <summary>The names a row's time is read from, for the message of a header without one.</summary>
    public const string TimeNames = "time_micros, EdgeStartTimestamp, " + KeyedFields.TimeKeys;

    /// <summary>The names a row's status is read from, for the message of a header without one.</summary>
    public const string StatusNames = "sc_status, EdgeResponseStatus, " + KeyedFields.StatusKeys;

    /// <summary>The field the column <paramref name="name"/> fills; <paramref name="weak"/> as <see cref="JsonFieldNames.Lookup"/> says.</summary>
    public static JsonField Lookup(ReadOnlySpan<byte> name, out bool weak)
    {
        weak = false;
        return name.Length switch
        {
            4 when Is(name, "c_ip"u8) => JsonField.Host,
            6 when Is(name, "cs_uri"u8) => JsonField.Path,
            7 when Is(name, "cs_host"u8) => JsonField.VirtualHost,
            8 when Is(name, "sc_bytes"u8) => JsonField.Bytes,
            9 when Is(name, "cs_method"u8) => JsonField.Method,
            9 when Is(name, "sc_status"u8) => JsonField.Status,
            10 when Is(name, "cs_referer"u8) => JsonField.Referrer,
            11 when Is(name, "time_micros"u8) => JsonField.Time, // epoch microseconds, which JsonTime tells by their size
            13 when Is(name, "cs_user_agent"u8) => JsonField.UserAgent,
            17 when Is(name, "time_taken_micros"u8) => JsonField.DurationMicroseconds,
            _ => JsonFieldNames.Lookup(name, out weak),
        };
    }

    /// <summary>Whether a column that fills <paramref name="field"/> gives a row's time.</summary>
    public static bool IsTime(JsonField field) => field is JsonField.Time or JsonField.StartTime;

    private static bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> known) => Ascii.EqualsIgnoreCase(name, known);
}

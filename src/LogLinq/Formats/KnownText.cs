using System.Text;

namespace LogLinq.Formats;

/// <summary>
/// Decodes short UTF-8 fields, handing out one shared string for the values that recur on nearly
/// every line (methods, protocols, "-"), so that formats which build their records eagerly do not
/// allocate a fresh copy of each per record.
/// </summary>
internal static class KnownText
{
    /// <summary><paramref name="utf8"/> as a string; a shared instance when it is a common value.</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        string? known = utf8.Length switch
        {
            0 => string.Empty,
            1 when utf8[0] == '-' => "-",
            3 when utf8.SequenceEqual("GET"u8) => "GET",
            3 when utf8.SequenceEqual("PUT"u8) => "PUT",
            4 when utf8.SequenceEqual("POST"u8) => "POST",
            4 when utf8.SequenceEqual("HEAD"u8) => "HEAD",
            5 when utf8.SequenceEqual("PATCH"u8) => "PATCH",
            6 when utf8.SequenceEqual("DELETE"u8) => "DELETE",
            7 when utf8.SequenceEqual("OPTIONS"u8) => "OPTIONS",
            8 when utf8.SequenceEqual("HTTP/1.1"u8) => "HTTP/1.1",
            8 when utf8.SequenceEqual("HTTP/1.0"u8) => "HTTP/1.0",
            8 when utf8.SequenceEqual("HTTP/2.0"u8) => "HTTP/2.0",
            6 when utf8.SequenceEqual("HTTP/2"u8) => "HTTP/2",
            6 when utf8.SequenceEqual("HTTP/3"u8) => "HTTP/3",
            _ => null,
        };

        return known ?? Encoding.UTF8.GetString(utf8);
    }
}

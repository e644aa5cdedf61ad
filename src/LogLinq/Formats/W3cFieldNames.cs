using System.Text;

namespace LogLinq.Formats;

/// <summary>The names a <c>#Fields:</c> directive uses for each <see cref="W3cField"/>.</summary>
internal static class W3cFieldNames
{
    /// <summary>How many kinds of field there are, to size a table indexed by <see cref="W3cField"/>.</summary>
    public const int Count = (int)W3cField.EdgeLocation + 1;

    /// <summary>
    /// The field <paramref name="name"/> stands for. Case-insensitive: the specification's names are
    /// lower case, but header prefixes are written <c>cs(User-Agent)</c> by IIS and otherwise elsewhere.
    /// </summary>
    public static W3cField Lookup(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 when Is(name, "date"u8) => W3cField.Date,
        4 when Is(name, "time"u8) => W3cField.Time,
        4 when Is(name, "c-ip"u8) => W3cField.ClientIp,
        11 when Is(name, "cs-username"u8) => W3cField.UserName,
        9 when Is(name, "cs-method"u8) => W3cField.Method,
        11 when Is(name, "cs-uri-stem"u8) => W3cField.UriStem,
        12 when Is(name, "cs-uri-query"u8) => W3cField.UriQuery,
        6 when Is(name, "cs-uri"u8) => W3cField.Uri,
        10 when Is(name, "cs-version"u8) => W3cField.Version,
        19 when Is(name, "cs-protocol-version"u8) => W3cField.Version, // CloudFront's
        9 when Is(name, "sc-status"u8) => W3cField.Status,
        8 when Is(name, "sc-bytes"u8) => W3cField.Bytes,
        11 when Is(name, "cs(Referer)"u8) => W3cField.Referrer,
        14 when Is(name, "cs(User-Agent)"u8) => W3cField.UserAgent,
        7 when Is(name, "cs-host"u8) => W3cField.VirtualHost,
        8 when Is(name, "cs(Host)"u8) => W3cField.VirtualHost, // CloudFront's: the distribution's domain
        13 when Is(name, "x-host-header"u8) => W3cField.HostHeader,
        10 when Is(name, "time-taken"u8) => W3cField.TimeTaken,
        15 when Is(name, "x-edge-location"u8) => W3cField.EdgeLocation,
        _ => W3cField.Ignored,
    };

    private static bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> known) => Ascii.EqualsIgnoreCase(name, known);
}

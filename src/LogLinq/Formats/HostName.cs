using System.Buffers;

namespace LogLinq.Formats;

/// <summary>
/// A server's name as a log writes it for the virtual host: <c>www.example.org</c>,
/// <c>192.0.2.1:8080</c>; told apart from a user's name (an RFC 1413 identity, which lighttpd's
/// <c>%V</c> stands in place of) by its dot.
/// </summary>
internal static class HostName
{
    private static readonly SearchValues<byte> NameBytes =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-"u8);

    /// <summary>
    /// Whether <paramref name="token"/> is labels of letters, digits and hyphens joined by dots (two
    /// at least), each starting with a letter or digit, with or without a <c>:port</c> of digits.
    /// </summary>
    public static bool Looks(ReadOnlySpan<byte> token)
    {
        int colon = token.IndexOf((byte)':');
        if (colon >= 0)
        {
            ReadOnlySpan<byte> port = token[(colon + 1)..];
            if (port.IsEmpty || port.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            {
                return false;
            }

            token = token[..colon];
        }

        if (token.IndexOf((byte)'.') < 0 || token.ContainsAnyExcept(NameBytes))
        {
            return false;
        }

        foreach (Range label in token.Split((byte)'.'))
        {
            if (token[label] is not [>= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9', ..])
            {
                return false;
            }
        }

        return true;
    }
}

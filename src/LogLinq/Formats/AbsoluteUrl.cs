namespace LogLinq.Formats;

/// <summary>
/// A request target written as an absolute URL (<c>https://shop.example:443/cart?x=1</c>), as load
/// balancers and proxies log it: its host, and its path from the first '/' or '?' after the host.
/// </summary>
internal static class AbsoluteUrl
{
    /// <summary>
    /// Splits <paramref name="target"/> into its host (with any port) and what follows it when it is
    /// an absolute URL, and returns true; a path's target (<c>/cart?x=1</c>) or anything else is left
    /// whole. <paramref name="rest"/> is empty for a URL with no path, and starts with '?' for one
    /// whose path is only a query: its path is then <c>/</c>, before the query.
    /// </summary>
    public static bool TrySplit(ReadOnlySpan<byte> target, out ReadOnlySpan<byte> host, out ReadOnlySpan<byte> rest)
    {
        int scheme = target.IndexOf("://"u8);
        if (scheme <= 0 || !IsScheme(target[..scheme]))
        {
            host = default;
            rest = default;
            return false;
        }

        ReadOnlySpan<byte> afterScheme = target[(scheme + 3)..];
        int pathStart = afterScheme.IndexOfAny((byte)'/', (byte)'?');
        host = pathStart < 0 ? afterScheme : afterScheme[..pathStart];
        rest = pathStart < 0 ? default : afterScheme[pathStart..];
        return true;
    }

    /// <summary>
    /// Copies the path and host of a request's target into <paramref name="text"/>: an absolute URL's
    /// (<see cref="TrySplit"/>), or the target as it is and no host.
    /// </summary>
    public static (FieldRange Path, FieldRange Host) Copy(ref FieldText text, ReadOnlySpan<byte> target)
    {
        return TrySplit(target, out ReadOnlySpan<byte> host, out ReadOnlySpan<byte> rest)
            ? CopyParts(ref text, host, rest)
            : (text.Append(target), FieldRange.None);
    }

    /// <summary>Copies the path and host <see cref="TrySplit"/> found in an absolute URL into <paramref name="text"/>.</summary>
    public static (FieldRange Path, FieldRange Host) CopyParts(ref FieldText text, ReadOnlySpan<byte> host, ReadOnlySpan<byte> rest)
    {
        FieldRange path = rest is [(byte)'/', ..] ? text.Append(rest) : text.Append("/"u8, rest);
        return (path, host.IsEmpty ? FieldRange.None : text.Append(host));
    }

    // A loop, not SearchValues: a scheme is a few bytes, and the vector search's generic core was
    // compiled at start (tier 0, in perf) for every load balancer's line that carries a URL.
    private static bool IsScheme(ReadOnlySpan<byte> scheme)
    {
        foreach (byte b in scheme)
        {
            if (!char.IsAsciiLetterOrDigit((char)b) && b is not ((byte)'+' or (byte)'.' or (byte)'-'))
            {
                return false;
            }
        }

        return true;
    }
}

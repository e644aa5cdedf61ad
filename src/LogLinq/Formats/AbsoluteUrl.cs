namespace LogLinq.Formats;

/// <summary>
/// A request target written as an absolute URL (<c>https://shop.example:443/cart?x=1</c>), as load
/// balancers and proxies log it: its host, and its path from the first '/' or '?' after the host.
/// </summary>
internal static class AbsoluteUrl
{
    /// <summary>
    /// Splits <paramref name="target"/> into its host (with any port) and its path when it is an
    /// absolute URL, and returns true; a path's target (<c>/cart?x=1</c>) or anything else is left whole.
    /// A URL with no path has <c>/</c>; one whose path is only a query, <c>/</c> before it.
    /// </summary>
    public static bool TrySplit(ReadOnlySpan<byte> target, out ReadOnlySpan<byte> host, out string path)
    {
        int scheme = target.IndexOf("://"u8);
        if (scheme <= 0 || target[..scheme].ContainsAnyExcept(SchemeBytes))
        {
            host = default;
            path = string.Empty;
            return false;
        }

        ReadOnlySpan<byte> rest = target[(scheme + 3)..];
        int pathStart = rest.IndexOfAny((byte)'/', (byte)'?');
        host = pathStart < 0 ? rest : rest[..pathStart];
        ReadOnlySpan<byte> tail = pathStart < 0 ? "/"u8 : rest[pathStart..];
        path = tail is [(byte)'?', ..] ? "/" + KnownText.Get(tail) : KnownText.Get(tail);
        return true;
    }

    /// <summary>
    /// The path and host of a request's target: an absolute URL's (<see cref="TrySplit"/>), or the
    /// target as it is and no host.
    /// </summary>
    public static (string Path, string? Host) PathAndHost(ReadOnlySpan<byte> target) =>
        TrySplit(target, out ReadOnlySpan<byte> host, out string path)
            ? (path, host.IsEmpty ? null : KnownText.Get(host))
            : (KnownText.Get(target), null);

    private static readonly System.Buffers.SearchValues<byte> SchemeBytes =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-"u8);
}

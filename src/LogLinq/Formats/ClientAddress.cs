namespace LogLinq.Formats;

/// <summary>A client's address as proxies and load balancers log it: with the port it connected from.</summary>
internal static class ClientAddress
{
    /// <summary>
    /// The address without the port after it: <c>203.0.113.9:51234</c> is <c>203.0.113.9</c>,
    /// <c>[2001:db8::1]:443</c> is <c>2001:db8::1</c>; anything else (an address without a port, an
    /// IPv6 address without brackets) as it is.
    /// </summary>
    public static ReadOnlySpan<byte> WithoutPort(ReadOnlySpan<byte> address)
    {
        FieldRange host = PortlessRange(address);
        return address.Slice(host.Start, host.Length);
    }

    /// <summary>
    /// Where <see cref="WithoutPort"/>'s address lies within <paramref name="address"/>: for a value
    /// already copied whole, whose host is then a range of the copy rather than a copy of its own.
    /// </summary>
    public static FieldRange PortlessRange(ReadOnlySpan<byte> address)
    {
        if (address is [(byte)'[', ..])
        {
            int close = address.IndexOf((byte)']');
            return close > 1 ? new FieldRange(1, close - 1) : new FieldRange(0, address.Length);
        }

        int colon = address.IndexOf((byte)':');
        return new FieldRange(0, colon > 0 && address.LastIndexOf((byte)':') == colon ? colon : address.Length);
    }

    /// <summary>
    /// The address of a field that always ends in a port, as an AWS load balancer writes its client:
    /// <c>203.0.113.9:51234</c> is <c>203.0.113.9</c>, and an IPv6 address, which it writes without
    /// brackets (<c>2001:db8::1:51234</c>), is what comes before the last colon. A bracketed address
    /// and anything without a port of digits after a colon are as <see cref="WithoutPort"/> reads them.
    /// </summary>
    public static ReadOnlySpan<byte> WithoutTrailingPort(ReadOnlySpan<byte> address)
    {
        int colon = address.LastIndexOf((byte)':');
        bool bare = address is not [(byte)'[', ..] && colon > 0 && colon < address.Length - 1
            && !address[(colon + 1)..].ContainsAnyExceptInRange((byte)'0', (byte)'9');
        return bare ? address[..colon] : WithoutPort(address);
    }
}

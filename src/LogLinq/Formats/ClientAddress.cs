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
        if (address is [(byte)'[', ..])
        {
            int close = address.IndexOf((byte)']');
            return close > 1 ? address[1..close] : address;
        }

        int colon = address.IndexOf((byte)':');
        return colon > 0 && address.LastIndexOf((byte)':') == colon ? address[..colon] : address;
    }
}

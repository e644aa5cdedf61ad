namespace LogLinq.Formats;

/// <summary>
/// Splits a request line, <c>METHOD PATH PROTOCOL</c>, leniently: a request that is "-", a bare path
/// or garbage still yields what is there, and a path with spaces keeps them. The same reading the
/// Common format gives its quoted request.
/// </summary>
internal static class RequestLine
{
    /// <summary>The parts of <paramref name="request"/>, as ranges into it; a missing part is empty.</summary>
    public static void Split(ReadOnlySpan<byte> request, out FieldRange method, out FieldRange path, out FieldRange protocol)
    {
        method = new FieldRange(0, 0);
        protocol = new FieldRange(request.Length, 0);
        int first = request.IndexOf((byte)' ');
        if (first < 0)
        {
            path = new FieldRange(0, request.Length);
            return;
        }

        method = new FieldRange(0, first);
        int last = request.LastIndexOf((byte)' ');
        if (last > first && request[(last + 1)..].StartsWith("HTTP/"u8))
        {
            path = new FieldRange(first + 1, last - first - 1);
            protocol = new FieldRange(last + 1, request.Length - last - 1);
        }
        else
        {
            path = new FieldRange(first + 1, request.Length - first - 1);
        }
    }

    /// <summary>
    /// The parts of the request at <paramref name="request"/> in <paramref name="text"/> (a line's
    /// copy), as ranges of <paramref name="text"/> itself.
    /// </summary>
    public static void Split(in FieldText text, FieldRange request, out FieldRange method, out FieldRange path, out FieldRange protocol)
    {
        Split(text.Of(request), out method, out path, out protocol);
        (method, path, protocol) = (Within(method), Within(path), Within(protocol));

        FieldRange Within(FieldRange part) => new(request.Start + part.Start, part.Length);
    }
}

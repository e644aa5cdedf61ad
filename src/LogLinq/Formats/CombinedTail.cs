namespace LogLinq.Formats;

/// <summary>
/// What a web server's configuration writes after Combined's user agent, read for the one field a
/// record has for it, <see cref="Records.LogRecord.Duration"/>: nginx's <c>rt=$request_time</c> (the
/// <c>upstream_time</c> format of nginx's admin guide; <c>request_time=</c> too), a bare
/// <c>$request_time</c> first (<c>timed_combined</c>), seconds with a fraction (<c>0.012</c>), or the
/// duration with its unit that ends Traefik's Common Log Format (<c>... "router@docker" "http://10.0.0.2:80" 12ms</c>),
/// or the second number of Kubernetes ingress-nginx's <c>upstreaminfo</c>
/// (<c>$request_length $request_time [$proxy_upstream_name] ...</c>), told by the bracketed upstream after it.
/// A whole number there is not guessed: Apache's <c>%D</c> writes microseconds and <c>%T</c>
/// seconds, and the line does not say which.
/// </summary>
internal static class CombinedTail
{
    /// <summary>The request's duration in <paramref name="tail"/>, the bytes after the user agent's closing quote; null when it holds none.</summary>
    public static TimeSpan? Duration(ReadOnlySpan<byte> tail)
    {
        tail = tail.TrimStart((byte)' ');
        if (tail.IsEmpty)
        {
            return null;
        }

        ReadOnlySpan<byte> first = Token(tail);
        if (first.Contains((byte)'.') && DurationText.TryParseSeconds(first, out long ticks))
        {
            return TimeSpan.FromTicks(ticks);
        }

        if (UpstreamInfoRequestTime(tail, first) is { } requestTime)
        {
            return requestTime;
        }

        ReadOnlySpan<byte> last = tail[(tail.TrimEnd((byte)' ').LastIndexOf((byte)' ') + 1)..].TrimEnd((byte)' ');
        if (last is [>= (byte)'0' and <= (byte)'9', .., (byte)'s'] && DurationText.TryParseGo(last, out ticks))
        {
            return TimeSpan.FromTicks(ticks);
        }

        for (ReadOnlySpan<byte> rest = tail; !rest.IsEmpty; rest = rest.TrimStart((byte)' '))
        {
            ReadOnlySpan<byte> token = Token(rest);
            rest = rest[token.Length..];
            int equals = token.IndexOf((byte)'=');
            if (equals > 0 && IsDurationKey(token[..equals]))
            {
                ReadOnlySpan<byte> value = QuotedFields.Inside(token[(equals + 1)..]);
                return DurationText.TryParseSeconds(value, out ticks) ? TimeSpan.FromTicks(ticks) : null;
            }
        }

        return null;
    }

    /// <summary>
    /// ingress-nginx's <c>$request_time</c>: its <c>upstreaminfo</c> writes the request's length in bytes
    /// first (a whole number, which must not be taken for the time), the time second (nginx writes it
    /// to the millisecond: <c>0.003</c>), and then the
    /// upstream's name in brackets (<c>[default-web-80]</c>, <c>[]</c> when none), which no other
    /// format here puts third.
    /// </summary>
    private static TimeSpan? UpstreamInfoRequestTime(ReadOnlySpan<byte> tail, ReadOnlySpan<byte> first)
    {
        if (first.IsEmpty || first.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return null;
        }

        ReadOnlySpan<byte> rest = tail[first.Length..].TrimStart((byte)' ');
        ReadOnlySpan<byte> second = Token(rest);
        bool upstreamNext = rest[second.Length..].TrimStart((byte)' ') is [(byte)'[', ..];
        return upstreamNext && second.Contains((byte)'.') && DurationText.TryParseSeconds(second, out long ticks) ? TimeSpan.FromTicks(ticks) : null;
    }

    private static bool IsDurationKey(ReadOnlySpan<byte> key) => key.SequenceEqual("rt"u8) || key.SequenceEqual("request_time"u8);

    /// <summary>Up to the next space outside quotes: <c>urt="0.011, 0.002"</c> is one token.</summary>
    private static ReadOnlySpan<byte> Token(ReadOnlySpan<byte> text)
    {
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == ' ' && !quoted)
            {
                return text[..i];
            }
        }

        return text;
    }
}

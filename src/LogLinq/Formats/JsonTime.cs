using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace LogLinq.Formats;

/// <summary>The ways JSON access logs write a time: ISO 8601, the NCSA form, or seconds since the Unix epoch.</summary>
internal static class JsonTime
{
    // No time written as text is longer; a longer value is not one and need not be decoded to find out.
    private const int MaxTextLength = 64;

    // Seconds past this are after the year 5000, so such a number is milliseconds (JavaScript's
    // Date.now()); a thousand times more, microseconds; a million times, nanoseconds (Go's
    // UnixNano, Cloudflare's default). Any time after 1973 in the finer unit is past the bound.
    private const decimal MillisecondsFrom = 100_000_000_000m;
    private const decimal MicrosecondsFrom = MillisecondsFrom * 1000;
    private const decimal NanosecondsFrom = MicrosecondsFrom * 1000;

    /// <summary>
    /// Parses a time written as a string: <c>24/Feb/2008:00:08:59 -0600</c> (nginx <c>$time_local</c>),
    /// ISO 8601 (<c>$time_iso8601</c>; without an offset it is taken as UTC, so a result never depends
    /// on the reader's time zone), or epoch seconds written as a string (<c>"$msec"</c>).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        if (HttpDate.TryParse(text, out value))
        {
            return true;
        }

        if (text.IsEmpty || text.Length > MaxTextLength)
        {
            return false;
        }

        if (Utf8Parser.TryParse(text, out decimal seconds, out int consumed) && consumed == text.Length)
        {
            return TryFromEpoch(seconds, out value);
        }

        Span<char> chars = stackalloc char[MaxTextLength];
        int length = Encoding.UTF8.GetChars(text, chars);
        return DateTimeOffset.TryParse(chars[..length], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>
    /// A time given as seconds since 1970-01-01 UTC, or, when implausibly many for seconds, as
    /// milliseconds, microseconds or nanoseconds.
    /// </summary>
    public static bool TryFromEpoch(decimal seconds, out DateTimeOffset value)
    {
        value = default;
        if (seconds >= MillisecondsFrom)
        {
            seconds /= seconds >= NanosecondsFrom ? 1_000_000_000m : seconds >= MicrosecondsFrom ? 1_000_000m : 1000m;
        }

        long minSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
        long maxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
        if (seconds < minSeconds || seconds > maxSeconds)
        {
            return false;
        }

        // To the nearest tick, as an ISO 8601 time with more than seven digits is read.
        value = DateTimeOffset.UnixEpoch.AddTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero));
        return true;
    }
}

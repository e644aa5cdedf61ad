namespace LogLinq.Formats;

/// <summary>A time written as a number since the Unix epoch (1970-01-01 UTC), as JSON logs and Squid write it.</summary>
internal static class EpochTime
{
    // Seconds past this are after the year 5000, so such a number is milliseconds (JavaScript's
    // Date.now()); a thousand times more, microseconds; a million times, nanoseconds (Go's
    // UnixNano, Cloudflare's default). Any time after 1973 in the finer unit is past the bound.
    private const decimal MillisecondsFrom = 100_000_000_000m;
    private const decimal MicrosecondsFrom = MillisecondsFrom * 1000;
    private const decimal NanosecondsFrom = MicrosecondsFrom * 1000;

    /// <summary>
    /// A time given as seconds since 1970-01-01 UTC, or, when implausibly many for seconds, as
    /// milliseconds, microseconds or nanoseconds.
    /// </summary>
    public static bool TryParse(decimal seconds, out DateTimeOffset value)
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

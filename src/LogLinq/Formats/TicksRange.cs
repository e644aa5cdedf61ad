using System.Runtime.CompilerServices;

namespace LogLinq.Formats;

/// <summary>
/// Which local times at an offset a <see cref="DateTimeOffset"/> can hold: its constructor throws
/// where the offset moves the time past year 1 or 9999 in UTC, and a log's time there is a bad
/// line, not a crash.
/// </summary>
internal static class TicksRange
{
    // DateTime.MaxValue.Ticks as a constant: reading the static field costs a type check on every line.
    private const long MaxTicks = 3_155_378_975_999_999_999;

    /// <summary>Whether local <paramref name="ticks"/> at <paramref name="offsetMinutes"/> are in range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Holds(long ticks, short offsetMinutes)
    {
        long utc = ticks - (offsetMinutes * TimeSpan.TicksPerMinute);
        return utc >= 0 && utc <= MaxTicks;
    }

    /// <summary>
    /// Whether every time of the day that starts at <paramref name="dayTicks"/> is in range at
    /// <paramref name="offsetMinutes"/>: a day a parser may remember and then take times of unchecked.
    /// </summary>
    public static bool HoldsWholeDay(long dayTicks, short offsetMinutes) =>
        Holds(dayTicks, offsetMinutes) && Holds(dayTicks + TimeSpan.TicksPerDay - 1, offsetMinutes);
}

using System.Globalization;

namespace LogLinq.Language;

/// <summary>
/// How a duration is written, in the three places it is shown: <see cref="Short"/> for a person
/// reading a table (<c>110ms</c>, <c>1.5s</c>, <c>2m03s</c>), <see cref="Exact"/> in the query
/// language's own words (<c>150ms</c>, <c>90s</c>, <c>41.5366667s</c>: a literal a query could use,
/// with the same value), and <see cref="Seconds"/> for a program (<c>0.171</c>: a number of seconds,
/// exact to the tick).
/// </summary>
public static class DurationFormat
{
    // The most characters any of them writes: a sign, 12 digits of seconds, a point and 7 digits;
    // or 8 digits of days and the rest of the short form.
    private const int MaxLength = 32;

    /// <summary>
    /// The duration as a table shows it, rounded to what a person compares at a glance. Under a
    /// minute, three significant digits, trailing zeros dropped: milliseconds under a second
    /// (<c>0.0123ms</c>, <c>1.23ms</c>, <c>86.5ms</c>, <c>110ms</c>), seconds under a minute (<c>1.5s</c>,
    /// <c>41.5s</c>). From a minute, two units, the second one zero-padded so that columns line up:
    /// <c>2m03s</c> (to the second), <c>1h02m</c> (to the minute), <c>3d05h</c> (to the hour). Zero is
    /// <c>0s</c>, a negative duration has a <c>-</c>. Halves round away from zero, and a value that
    /// rounds up to the next unit is written in it (59.96 s is <c>1m00s</c>, not <c>60.0s</c>).
    /// </summary>
    /// <param name="duration">The duration.</param>
    /// <returns>The short text.</returns>
    public static string Short(TimeSpan duration)
    {
        ulong ticks = Magnitude(duration, out string sign);
        if (ticks == 0)
        {
            return "0s";
        }

        if (ticks < TimeSpan.TicksPerSecond)
        {
            // 100 ms and over to the millisecond, 10 ms to a tenth ... under 0.1 ms to the tick.
            long step = ticks >= 1_000_000 ? 10_000 : ticks >= 100_000 ? 1_000 : ticks >= 10_000 ? 100 : ticks >= 1_000 ? 10 : 1;
            ticks = Round(ticks, step);
            if (ticks < TimeSpan.TicksPerSecond)
            {
                return sign + Decimal(ticks, TimeSpan.TicksPerMillisecond) + "ms";
            }
        }

        if (ticks < TimeSpan.TicksPerMinute)
        {
            ticks = Round(ticks, ticks >= 10 * TimeSpan.TicksPerSecond ? TimeSpan.TicksPerSecond / 10 : TimeSpan.TicksPerSecond / 100);
            if (ticks < TimeSpan.TicksPerMinute)
            {
                return sign + Decimal(ticks, TimeSpan.TicksPerSecond) + "s";
            }
        }

        if (ticks < TimeSpan.TicksPerHour)
        {
            ticks = Round(ticks, TimeSpan.TicksPerSecond);
            if (ticks < TimeSpan.TicksPerHour)
            {
                return Pair(sign, ticks, TimeSpan.TicksPerMinute, "m", TimeSpan.TicksPerSecond, "s");
            }
        }

        if (ticks < TimeSpan.TicksPerDay)
        {
            ticks = Round(ticks, TimeSpan.TicksPerMinute);
            if (ticks < TimeSpan.TicksPerDay)
            {
                return Pair(sign, ticks, TimeSpan.TicksPerHour, "h", TimeSpan.TicksPerMinute, "m");
            }
        }

        return Pair(sign, Round(ticks, TimeSpan.TicksPerHour), TimeSpan.TicksPerDay, "d", TimeSpan.TicksPerHour, "h");
    }

    /// <summary>
    /// The duration as a literal of the query language with exactly its value: a whole number of the
    /// largest unit that divides it (<c>1d</c>, <c>36h</c>, <c>90m</c>, <c>90s</c>), else seconds from
    /// a second up (<c>1.5s</c>, <c>41.5366667s</c>) and milliseconds under it (<c>150ms</c>,
    /// <c>0.5ms</c>), with the digits it needs. Zero is <c>0s</c>; a negative duration has a <c>-</c>.
    /// </summary>
    /// <param name="duration">The duration.</param>
    /// <returns>The literal's text.</returns>
    public static string Exact(TimeSpan duration)
    {
        ulong ticks = Magnitude(duration, out string sign);
        return ticks switch
        {
            0 => "0s",
            _ when ticks % TimeSpan.TicksPerDay == 0 => Whole(sign, ticks / TimeSpan.TicksPerDay, "d"),
            _ when ticks % TimeSpan.TicksPerHour == 0 => Whole(sign, ticks / TimeSpan.TicksPerHour, "h"),
            _ when ticks % TimeSpan.TicksPerMinute == 0 => Whole(sign, ticks / TimeSpan.TicksPerMinute, "m"),
            >= TimeSpan.TicksPerSecond => sign + Decimal(ticks, TimeSpan.TicksPerSecond) + "s",
            _ => sign + Decimal(ticks, TimeSpan.TicksPerMillisecond) + "ms",
        };
    }

    /// <summary>
    /// The duration as a number of seconds, exact to the tick (100 ns), without trailing zeros:
    /// <c>0.171</c>, <c>2.5</c>, <c>123</c>, <c>0</c>, <c>-2.5</c>.
    /// </summary>
    /// <param name="duration">The duration.</param>
    /// <returns>The number's text, in the invariant culture.</returns>
    public static string Seconds(TimeSpan duration)
    {
        Span<char> text = stackalloc char[MaxLength];
        TryFormatSeconds(duration, text, out int written);
        return new string(text[..written]);
    }

    /// <summary>Writes <see cref="Seconds"/> into <paramref name="destination"/>, without making a string.</summary>
    /// <param name="duration">The duration.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="written">How many characters were written; 0 when it did not fit.</param>
    /// <returns>Whether it fitted.</returns>
    public static bool TryFormatSeconds(TimeSpan duration, Span<char> destination, out int written)
    {
        ulong ticks = Magnitude(duration, out string sign);
        written = 0;
        if (!sign.TryCopyTo(destination) || !TryWriteDecimal(ticks, TimeSpan.TicksPerSecond, destination[sign.Length..], out int length))
        {
            return false;
        }

        written = sign.Length + length;
        return true;
    }

    // The size without its sign; TimeSpan.MinValue's has no long, so it is taken as a ulong.
    private static ulong Magnitude(TimeSpan duration, out string sign)
    {
        long ticks = duration.Ticks;
        sign = ticks < 0 ? "-" : "";
        return ticks < 0 ? (ulong)(-(ticks + 1)) + 1 : (ulong)ticks;
    }

    // To the nearest multiple of step, halves up (these are magnitudes: away from zero).
    private static ulong Round(ulong ticks, long step) => (ticks + ((ulong)step / 2)) / (ulong)step * (ulong)step;

    private static string Whole(string sign, ulong count, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{sign}{count}{unit}");

    private static string Pair(string sign, ulong ticks, long unit, string unitName, long next, string nextName) =>
        string.Create(CultureInfo.InvariantCulture, $"{sign}{ticks / (ulong)unit}{unitName}{ticks % (ulong)unit / (ulong)next:00}{nextName}");

    private static string Decimal(ulong ticks, long unit)
    {
        Span<char> text = stackalloc char[MaxLength];
        TryWriteDecimal(ticks, unit, text, out int written);
        return new string(text[..written]);
    }

    /// <summary>
    /// <paramref name="ticks"/> in units of <paramref name="unit"/> ticks (a power of ten), as a decimal
    /// number: the whole part, then a point and the fraction's digits only when it has some.
    /// </summary>
    private static bool TryWriteDecimal(ulong ticks, long unit, Span<char> destination, out int written)
    {
        written = 0;
        if (!(ticks / (ulong)unit).TryFormat(destination, out int length, default, CultureInfo.InvariantCulture))
        {
            return false;
        }

        ulong fraction = ticks % (ulong)unit;
        if (fraction == 0)
        {
            written = length;
            return true;
        }

        int digits = 0;
        for (long scale = unit; scale > 1; scale /= 10)
        {
            digits++;
        }

        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        if (destination.Length < length + 1 + digits)
        {
            return false;
        }

        destination[length] = '.';
        for (int i = length + digits; i > length; i--)
        {
            destination[i] = (char)('0' + (int)(fraction % 10));
            fraction /= 10;
        }

        written = length + 1 + digits;
        return true;
    }
}

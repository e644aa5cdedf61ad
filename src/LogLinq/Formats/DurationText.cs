namespace LogLinq.Formats;

/// <summary>
/// The ways logs write how long a request took, read from the line's bytes into ticks (100 ns):
/// whole milliseconds (IIS, HAProxy, Squid, S3), seconds with a decimal fraction (CloudFront, AWS
/// load balancers, nginx's <c>$request_time</c>, Caddy), whole nanoseconds (Traefik, the Elastic
/// Common Schema) and Go's <c>time.Duration</c> text (<c>350ms</c>, <c>1.5s</c>, <c>2m3s</c>). None
/// takes a sign: a negative duration is no request's. A value finer than a tick is rounded to the
/// nearest one, half away from zero, as an ISO 8601 time with more than seven digits is read.
/// </summary>
internal static class DurationText
{
    /// <summary>A unit as <see cref="Ticks"/> ticks per <see cref="Per"/> of it: a nanosecond is 1 per 100.</summary>
    private readonly record struct Unit(long Ticks, long Per = 1);

    // 14 digits of milliseconds (over three thousand years) keep every product below in a long.
    private const int MaxWholeDigits = 14;

    /// <summary>A whole number of milliseconds, digits only; with <paramref name="allowFraction"/>, a fraction after a point too.</summary>
    public static bool TryParseMilliseconds(ReadOnlySpan<byte> text, out long ticks, bool allowFraction = false) =>
        TryParseDecimal(text, new Unit(TimeSpan.TicksPerMillisecond), allowFraction, out ticks);

    /// <summary>A whole number of microseconds, digits only (Apache's <c>%D</c>).</summary>
    public static bool TryParseMicroseconds(ReadOnlySpan<byte> text, out long ticks) =>
        TryParseDecimal(text, new Unit(TimeSpan.TicksPerMillisecond / 1000), allowFraction: false, out ticks);

    /// <summary>Seconds, digits with an optional fraction after a point (<c>0.002</c>, <c>12</c>).</summary>
    public static bool TryParseSeconds(ReadOnlySpan<byte> text, out long ticks) =>
        TryParseDecimal(text, new Unit(TimeSpan.TicksPerSecond), allowFraction: true, out ticks);

    /// <summary>A whole number of nanoseconds, digits only.</summary>
    public static bool TryParseNanoseconds(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        if (text.IsEmpty || text.Length > 18 || !AllDigits(text))
        {
            return false;
        }

        long nanoseconds = 0;
        foreach (byte b in text)
        {
            nanoseconds = (nanoseconds * 10) + (b - '0');
        }

        ticks = (nanoseconds + 50) / 100;
        return true;
    }

    /// <summary>
    /// Go's <c>time.Duration</c> text: one or more numbers, each with an optional fraction and a unit
    /// (<c>h</c>, <c>m</c>, <c>s</c>, <c>ms</c>, <c>us</c>, <c>µs</c>, <c>μs</c>, <c>ns</c>), as
    /// <c>String()</c> writes them (<c>2m3.5s</c>, <c>350ms</c>, <c>0s</c>); a bare <c>0</c> too, as
    /// Go reads it. A number without its unit is not one: its unit is anyone's guess.
    /// </summary>
    public static bool TryParseGo(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        if (text is [(byte)'0'])
        {
            return true;
        }

        if (text.IsEmpty)
        {
            return false;
        }

        while (!text.IsEmpty)
        {
            int number = 0;
            while (number < text.Length && (AsciiDigits.IsDigit(text[number]) || text[number] == '.'))
            {
                number++;
            }

            int unitLength = UnitLength(text[number..], out Unit unit);
            if (number == 0 || unitLength == 0 || !TryParseDecimal(text[..number], unit, allowFraction: true, out long part))
            {
                ticks = 0;
                return false;
            }

            if (part > long.MaxValue - ticks)
            {
                ticks = 0;
                return false;
            }

            ticks += part;

            text = text[(number + unitLength)..];
        }

        return true;
    }

    // The unit that opens text (its length, and its ticks), longest spelling first: "ms" before "m".
    private static int UnitLength(ReadOnlySpan<byte> text, out Unit ticks)
    {
        (int length, ticks) = text switch
        {
            [(byte)'n', (byte)'s', ..] => (2, new Unit(1, Per: 100)),
            [(byte)'u', (byte)'s', ..] => (2, new Unit(10)),
            [0xC2, 0xB5, (byte)'s', ..] => (3, new Unit(10)), // µ, the micro sign, as Go writes it
            [0xCE, 0xBC, (byte)'s', ..] => (3, new Unit(10)), // μ, the Greek letter, which Go reads too
            [(byte)'m', (byte)'s', ..] => (2, new Unit(TimeSpan.TicksPerMillisecond)),
            [(byte)'s', ..] => (1, new Unit(TimeSpan.TicksPerSecond)),
            [(byte)'m', ..] => (1, new Unit(TimeSpan.TicksPerMinute)),
            [(byte)'h', ..] => (1, new Unit(TimeSpan.TicksPerHour)),
            _ => (0, default),
        };
        return length;
    }

    /// <summary>
    /// Digits, and with <paramref name="allowFraction"/> a point and more digits, times
    /// <paramref name="unit"/> ticks.
    /// </summary>
    private static bool TryParseDecimal(ReadOnlySpan<byte> text, Unit unit, bool allowFraction, out long ticks)
    {
        ticks = 0;
        int point = text.IndexOf((byte)'.');
        ReadOnlySpan<byte> whole = point < 0 ? text : text[..point];
        ReadOnlySpan<byte> fraction = point < 0 ? default : text[(point + 1)..];
        if ((point >= 0 && !allowFraction) || (whole.IsEmpty && fraction.IsEmpty) || whole.Length > MaxWholeDigits
            || !AllDigits(whole) || !AllDigits(fraction))
        {
            return false;
        }

        if (whole.Length + fraction.Length <= 18 && fraction.Length <= 16 && TryParseExact(whole, fraction, unit, out ticks))
        {
            return true;
        }

        // Exact in a decimal (up to 18 digits of fraction), rounded to ticks once, at the end.
        decimal value = 0;
        foreach (byte b in whole)
        {
            value = (value * 10) + (b - '0');
        }

        decimal scale = 1;
        foreach (byte b in fraction[..Math.Min(fraction.Length, 18)])
        {
            scale /= 10;
            value += (b - '0') * scale;
        }

        decimal exact = value * unit.Ticks / unit.Per;
        if (exact > long.MaxValue)
        {
            return false;
        }

        ticks = (long)decimal.Round(exact, MidpointRounding.AwayFromZero);
        return true;
    }

    /// <summary>
    /// The digits of nearly every duration a log writes (<c>0.012</c>, <c>350</c>), read as one whole
    /// number and scaled in a long: as exact as the decimal reading, without its division per digit,
    /// which had been most of the time a line's duration took to read; false where a product would
    /// not fit, which the decimal reading then takes. (Not <c>Int128</c>: ReadyToRun compiles no
    /// method that passes one, and its operators ran unoptimised at every start.)
    /// </summary>
    private static bool TryParseExact(ReadOnlySpan<byte> whole, ReadOnlySpan<byte> fraction, Unit unit, out long ticks)
    {
        long digits = 0;
        long scale = 1;
        foreach (byte b in whole)
        {
            digits = (digits * 10) + (b - '0');
        }

        foreach (byte b in fraction)
        {
            digits = (digits * 10) + (b - '0');
            scale *= 10;
        }

        ticks = 0;
        if (digits > long.MaxValue / unit.Ticks)
        {
            return false;
        }

        // digits / scale units of unit.Ticks / unit.Per ticks each, rounded half away from zero. The
        // denominator is at most 10^16 × 100 and the remainder below it, so neither doubling overflows.
        long numerator = digits * unit.Ticks;
        long denominator = scale * unit.Per;
        long quotient = Math.DivRem(numerator, denominator, out long remainder);
        ticks = remainder * 2 >= denominator ? quotient + 1 : quotient;
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (!AsciiDigits.IsDigit(b))
            {
                return false;
            }
        }

        return true;
    }
}

namespace LogLinq.Formats;

/// <summary>
/// The timestamp of the NCSA log formats, <c>24/Feb/2008:00:08:59 -0600</c>, parsed from bytes.
/// The log's own offset is kept: a log written in Chicago stays in Chicago time.
/// </summary>
internal static class HttpDate
{
    /// <summary>Parses <c>dd/MMM/yyyy:HH:mm:ss[.fff] ±hhmm</c>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 26 || s[2] != '/' || s[6] != '/' || s[11] != ':' || s[14] != ':' || s[17] != ':')
        {
            return false;
        }

        int month = Month(s.Slice(3, 3));
        if (month == 0
            || !TwoDigits(s, 0, out int day)
            || !FourDigits(s, 7, out int year)
            || !TwoDigits(s, 12, out int hour)
            || !TwoDigits(s, 15, out int minute)
            || !TwoDigits(s, 18, out int second))
        {
            return false;
        }

        int i = 20;
        long fractionTicks = 0;
        if (s[i] == '.')
        {
            long scale = TimeSpan.TicksPerSecond;
            for (i++; i < s.Length && IsDigit(s[i]); i++)
            {
                scale /= 10;
                fractionTicks += (s[i] - '0') * scale;
            }
        }

        if (s.Length - i != 6 || s[i] != ' ' || (s[i + 1] != '+' && s[i + 1] != '-')
            || !TwoDigits(s, i + 2, out int offsetHours) || !TwoDigits(s, i + 4, out int offsetMinutes)
            || offsetMinutes > 59 || (offsetHours * 60) + offsetMinutes > 14 * 60)
        {
            return false;
        }

        if (day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        if (s[i + 1] == '-')
        {
            offset = -offset;
        }

        // A leap second is clamped into the minute rather than rejecting the line.
        var time = new DateTime(year, month, day, hour, minute, Math.Min(second, 59)).AddTicks(fractionTicks);

        // DateTimeOffset throws where the offset moves the time past year 1 or 9999: a bad line, not a crash.
        long utcTicks = time.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(time, offset);
        return true;
    }

    private static int Month(ReadOnlySpan<byte> m)
    {
        // Case-insensitive on the first letter's family: logs from some servers write "feb".
        int key = ((m[0] | 0x20) << 16) | ((m[1] | 0x20) << 8) | (m[2] | 0x20);
        return key switch
        {
            ('j' << 16) | ('a' << 8) | 'n' => 1,
            ('f' << 16) | ('e' << 8) | 'b' => 2,
            ('m' << 16) | ('a' << 8) | 'r' => 3,
            ('a' << 16) | ('p' << 8) | 'r' => 4,
            ('m' << 16) | ('a' << 8) | 'y' => 5,
            ('j' << 16) | ('u' << 8) | 'n' => 6,
            ('j' << 16) | ('u' << 8) | 'l' => 7,
            ('a' << 16) | ('u' << 8) | 'g' => 8,
            ('s' << 16) | ('e' << 8) | 'p' => 9,
            ('o' << 16) | ('c' << 8) | 't' => 10,
            ('n' << 16) | ('o' << 8) | 'v' => 11,
            ('d' << 16) | ('e' << 8) | 'c' => 12,
            _ => 0,
        };
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool TwoDigits(ReadOnlySpan<byte> s, int at, out int value)
    {
        value = 0;
        if (at + 2 > s.Length || !IsDigit(s[at]) || !IsDigit(s[at + 1]))
        {
            return false;
        }

        value = ((s[at] - '0') * 10) + (s[at + 1] - '0');
        return true;
    }

    private static bool FourDigits(ReadOnlySpan<byte> s, int at, out int value)
    {
        value = 0;
        if (!TwoDigits(s, at, out int high) || !TwoDigits(s, at + 2, out int low))
        {
            return false;
        }

        value = (high * 100) + low;
        return value > 0;
    }
}

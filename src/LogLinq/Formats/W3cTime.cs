namespace LogLinq.Formats;

/// <summary>
/// The date and time fields of the W3C extended format, <c>2024-03-01</c> and <c>12:34:56</c>
/// (a fraction of a second may follow), parsed from bytes. W3C logs are written in UTC.
/// </summary>
internal static class W3cTime
{
    /// <summary>Parses <c>yyyy-MM-dd</c>.</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-'
            || !AsciiDigits.TryParse(s[..4], out int year) || !AsciiDigits.TryParse(s.Slice(5, 2), out int month) || !AsciiDigits.TryParse(s.Slice(8, 2), out int day)
            || year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Parses <c>HH:mm:ss[.fffffff]</c> into the time since midnight.</summary>
    public static bool TryParseTime(ReadOnlySpan<byte> s, out TimeSpan time)
    {
        time = default;
        if (s.Length < 8 || s[2] != ':' || s[5] != ':'
            || !AsciiDigits.TryParse(s[..2], out int hour) || !AsciiDigits.TryParse(s.Slice(3, 2), out int minute) || !AsciiDigits.TryParse(s.Slice(6, 2), out int second)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        long fractionTicks = 0;
        if (s.Length > 8)
        {
            if (s[8] != '.' || s.Length == 9)
            {
                return false;
            }

            long scale = TimeSpan.TicksPerSecond;
            for (int i = 9; i < s.Length; i++)
            {
                if (!AsciiDigits.IsDigit(s[i]))
                {
                    return false;
                }

                scale /= 10;
                fractionTicks += (s[i] - '0') * scale;
            }
        }

        // A leap second is clamped into the minute rather than rejecting the line.
        time = new TimeSpan(hour, minute, Math.Min(second, 59)) + TimeSpan.FromTicks(fractionTicks);
        return true;
    }
}

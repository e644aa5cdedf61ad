namespace LogLinq.Formats;

/// <summary>
/// A time as C's <c>strftime</c> writes it from a pattern Apache's <c>%{pattern}t</c> names, read back
/// from bytes: only conversions of a fixed width (<c>%Y %m %d %e %H %M %S %z %b %h %y %T %F %D %R</c>),
/// so that the time's length is known and a pattern with spaces in it still ends where it should. A
/// time without <c>%z</c> is read as UTC, as a JSON time without an offset is, so a result never
/// depends on the reader's zone.
/// </summary>
internal sealed class StrftimeLayout
{
    // Each conversion, or a literal byte ('\0' conversion), at the offset it is written at.
    private readonly (char Conversion, byte Literal, int At)[] _items;

    private StrftimeLayout((char, byte, int)[] items, int length)
    {
        _items = items;
        Length = length;
    }

    /// <summary>How many bytes every time this pattern writes has.</summary>
    public int Length { get; }

    /// <summary>
    /// The layout of <paramref name="pattern"/>; null, with <paramref name="error"/> saying why, for a
    /// conversion whose width varies (a day's or month's name, <c>%Z</c>) or that is unknown.
    /// </summary>
    public static StrftimeLayout? TryCreate(string pattern, out string? error)
    {
        error = null;
        var items = new List<(char, byte, int)>();
        int at = 0;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c != '%')
            {
                if (c > 0x7F)
                {
                    error = $"'{c}' is not ASCII";
                    return null;
                }

                items.Add(('\0', (byte)c, at++));
                continue;
            }

            if (++i == pattern.Length)
            {
                error = "the pattern ends in a lone %";
                return null;
            }

            string? expanded = pattern[i] switch
            {
                'T' => "%H:%M:%S",
                'F' => "%Y-%m-%d",
                'D' => "%m/%d/%y",
                'R' => "%H:%M",
                _ => null,
            };
            if (expanded is not null)
            {
                StrftimeLayout inner = TryCreate(expanded, out _) ?? throw new InvalidOperationException(expanded);
                items.AddRange(inner._items.Select(item => (item.Conversion, item.Literal, item.At + at)));
                at += inner.Length;
                continue;
            }

            int width = pattern[i] switch
            {
                'Y' => 4,
                'm' or 'd' or 'e' or 'H' or 'M' or 'S' or 'y' => 2,
                'b' or 'h' => 3,
                'z' => 5,
                '%' => 1,
                _ => 0,
            };
            if (width == 0)
            {
                error = $"%{pattern[i]} is not read (only %Y %m %d %e %H %M %S %z %b %h %y %T %F %D %R, which have a fixed width)";
                return null;
            }

            items.Add(pattern[i] == '%' ? ('\0', (byte)'%', at) : (pattern[i] == 'h' ? 'b' : pattern[i], (byte)0, at));
            at += width;
        }

        bool Has(char conversion) => items.Exists(item => item.Item1 == conversion);
        bool hasDate = (Has('Y') || Has('y')) && (Has('m') || Has('b')) && (Has('d') || Has('e'));
        return new StrftimeLayout([.. items], at) { HasDate = hasDate };
    }

    /// <summary>
    /// Whether the pattern writes a year, a month and a day: one that does not is part of a time
    /// written in pieces (Apache's <c>%{%d/%b/%Y %T}t.%{msec_frac}t %{%z}t</c>), not a time.
    /// </summary>
    public bool HasDate { get; private init; }

    /// <summary>
    /// Reads <paramref name="text"/>, exactly <see cref="Length"/> bytes, into local ticks and the offset
    /// from UTC, as <see cref="HttpDate"/> does.
    /// </summary>
    public bool TryParse(ReadOnlySpan<byte> text, out long ticks, out short offsetMinutes)
    {
        ticks = 0;
        offsetMinutes = 0;
        if (text.Length != Length)
        {
            return false;
        }

        int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
        foreach ((char conversion, byte literal, int at) in _items)
        {
            bool ok = conversion switch
            {
                '\0' => text[at] == literal,
                'Y' => Number(text.Slice(at, 4), out year),
                'y' => Number(text.Slice(at, 2), out year) && (year += 2000) > 0,
                'm' => Number(text.Slice(at, 2), out month),
                'b' => (month = HttpDate.Month(text.Slice(at, 3))) != 0,
                'd' => Number(text.Slice(at, 2), out day),
                'e' => Number(text.Slice(at, 2).TrimStart((byte)' '), out day),
                'H' => Number(text.Slice(at, 2), out hour),
                'M' => Number(text.Slice(at, 2), out minute),
                'S' => Number(text.Slice(at, 2), out second),
                'z' => HttpDate.TryParseOffset(text.Slice(at, 5), out offsetMinutes),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        // Years at the ends of the calendar are left out: an offset could take their instant out of range.
        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        ticks = new DateTime(year, month, day, hour, minute, second).Ticks;
        return true;
    }

    private static bool Number(ReadOnlySpan<byte> digits, out int value) => AsciiDigits.TryParse(digits, out value) && !digits.IsEmpty;
}

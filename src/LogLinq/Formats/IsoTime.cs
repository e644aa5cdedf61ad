using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace LogLinq.Formats;

/// <summary>
/// An ISO 8601 time where an NCSA line has its time, as nginx writes <c>$time_iso8601</c> in a custom
/// <c>log_format</c>: <c>[2008-02-24T00:08:59-06:00]</c>, a fraction and <c>Z</c> allowed. Strict, so
/// that a line is not taken for a log line because some lenient parser made a time of its text.
/// </summary>
/// <remarks>
/// What is a time, and which, is what <see cref="DateTimeOffset.TryParseExact(ReadOnlySpan{char}, string[], IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>
/// says with <see cref="Formats"/>. The common shapes, <c>yyyy-MM-ddTHH:mm:ss</c>, up to seven digits
/// of a fraction, then <c>±hh:mm</c>, <c>Z</c> or nothing, are decoded here to the same answer, and a
/// time of the day before is a few word compares (<see cref="TryKnownDay"/>); every other text (a
/// leap second, <c>+0600</c>, a bare <c>.</c>, a bad time) is left to that call.
/// </remarks>
internal static class IsoTime
{
    // yyyy-MM-ddTHH:mm:ss, then up to seven digits of a fraction and a six-byte offset.
    private const int MinLength = 19;
    private const int MaxLength = 35;

    // Where HH:mm:ss starts, and where what follows it (a fraction, the zone) starts.
    private const int ClockAt = 11;
    private const int AfterSeconds = 19;

    // '.' and the seven digits a fraction has at most.
    private const int MaxFractionLength = 8;

    // K: an offset (+00:00), Z, or none; none is UTC, so a result never depends on the reader's time zone.
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    // The ticks of a fraction's digits by how many there are: ".5" is 5,000,000 ticks, ".1234567" 1,234,567.
    private static ReadOnlySpan<int> TicksPerDigit => [0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    /// <summary>
    /// Validates and decodes the time into local ticks and the offset from UTC, as
    /// <see cref="HttpDate"/> does, remembering its day in <paramref name="cache"/> so that the next
    /// time of that day and zone is a few word compares.
    /// </summary>
    /// <param name="s">The time's text, without brackets.</param>
    /// <param name="cache">The last day decoded by this caller: consecutive lines nearly always share it.</param>
    /// <param name="ticks">The local time in ticks.</param>
    /// <param name="offsetMinutes">The offset from UTC.</param>
    // Inlined into the per-line parsers: the known day is nearly every line; the rest is a call.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<byte> s, ref DayCache cache, out long ticks, out short offsetMinutes) =>
        (s.Length >= MinLength && TryKnownDay(s, ref cache, out ticks, out offsetMinutes)) || TryParseAny(s, ref cache, out ticks, out offsetMinutes);

    /// <summary>
    /// <c>yyyy-MM-ddTHH:mm:ss[.fffffff]zone</c> of the day and zone <paramref name="cache"/> holds: the
    /// date and the zone compared as words, HH:mm:ss checked and decoded as one. False for any other
    /// time, which <see cref="TryParseAny"/> then decodes. <paramref name="s"/> has at least
    /// <see cref="MinLength"/> bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryKnownDay(ReadOnlySpan<byte> s, ref DayCache cache, out long ticks, out short offsetMinutes)
    {
        // "2008-02-", "-24T" and the zone, which ends the text (its last bytes, in the high bytes of
        // the text's last word), against the day's; HH:mm:ss as one word (ClockWord). Between the seconds and
        // the zone is the fraction, if any. The tests are combined without branching.
        int fraction = s.Length - AfterSeconds - cache.ZoneLength;
        ulong other = (ByteReads.UInt64At(s, 0) ^ cache.Date) | (ByteReads.UInt32At(s, 7) ^ cache.DayT)
            | ((ByteReads.UInt64At(s, s.Length - 8) ^ cache.Zone) & cache.ZoneMask);
        ulong invalid = ClockWord.Invalid(ByteReads.UInt64At(s, ClockAt), lastSecond: 59, out ulong clock);

        // A leap second (:60) is left to TryParseExact: it refuses one on Linux, and may take one on a
        // system that keeps a list of them.
        long fractionTicks = 0;
        if ((other | invalid) != 0 || cache.DayTicks == 0
            || (fraction != 0 && !TryFraction(s, fraction, out fractionTicks)))
        {
            ticks = 0;
            offsetMinutes = 0;
            return false;
        }

        // The day was remembered only if every time of it is in range at its offset.
        offsetMinutes = cache.DayOffset;
        ticks = cache.DayTicks + ClockWord.Ticks(clock) + fractionTicks;
        return true;
    }

    /// <summary>
    /// The fraction of <paramref name="length"/> bytes after the seconds, <c>.f</c> to <c>.fffffff</c>,
    /// in ticks; false for any other length or a byte that is not a digit (<c>.</c> alone included,
    /// which TryParseExact takes for no fraction: it decides that one).
    /// </summary>
    private static bool TryFraction(ReadOnlySpan<byte> s, int length, out long ticks)
    {
        ticks = 0;
        if ((uint)(length - 2) > MaxFractionLength - 2 || s[AfterSeconds] != '.')
        {
            return false;
        }

        // The digits as one number, then scaled: what TryParseExact's rounded double comes to.
        int value = 0;
        foreach (byte b in s.Slice(AfterSeconds + 1, length - 1))
        {
            int digit = b - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        ticks = (long)value * TicksPerDigit[length - 1];
        return true;
    }

    /// <summary>
    /// Every time <see cref="TryKnownDay"/> leaves: the common shapes decoded here (and their day
    /// remembered), the rest by TryParseExact.
    /// </summary>
    // Per new day, and per line of a log whose times are not of the common shapes: optimised from the
    // first call, since tiering would run the first tenth of a second of a scan unoptimised.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseAny(ReadOnlySpan<byte> s, ref DayCache cache, out long ticks, out short offsetMinutes)
    {
        if (TryDecode(s, out long dayTicks, out ticks, out offsetMinutes, out int zoneLength))
        {
            cache.Remember(s, dayTicks, offsetMinutes, zoneLength);
            return true;
        }

        return TryParseExact(s, out ticks, out offsetMinutes);
    }

    /// <summary>
    /// The common shapes, <c>yyyy-MM-ddTHH:mm:ss[.f to .fffffff]</c> then <c>±hh:mm</c>, <c>Z</c> or
    /// nothing, where they are a time TryParseExact would give the same ticks and offset. False for
    /// anything else, good or bad: TryParseExact then decides.
    /// </summary>
    private static bool TryDecode(ReadOnlySpan<byte> s, out long dayTicks, out long ticks, out short offsetMinutes, out int zoneLength)
    {
        (dayTicks, ticks, offsetMinutes, zoneLength) = (0, 0, 0, 0);
        if (s.Length < MinLength || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || !AsciiDigits.TryParse(s.Slice(0, 4), out int year) || !AsciiDigits.TryParse(s.Slice(5, 2), out int month) || !AsciiDigits.TryParse(s.Slice(8, 2), out int day)
            || !AsciiDigits.TryParse(s.Slice(11, 2), out int hour) || !AsciiDigits.TryParse(s.Slice(14, 2), out int minute) || !AsciiDigits.TryParse(s.Slice(17, 2), out int second)
            || year == 0 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        int end = AfterSeconds;
        long fractionTicks = 0;
        if (end < s.Length && s[end] == '.')
        {
            end++;
            while (end < s.Length && end - AfterSeconds < MaxFractionLength && AsciiDigits.IsDigit(s[end]))
            {
                end++;
            }

            if (!TryFraction(s, end - AfterSeconds, out fractionTicks))
            {
                return false;
            }
        }

        zoneLength = s.Length - end;
        if (!TryZone(s[end..], out offsetMinutes))
        {
            return false;
        }

        dayTicks = new DateOnly(year, month, day).DayNumber * TimeSpan.TicksPerDay;
        ticks = dayTicks + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond) + fractionTicks;

        // TryParseExact refuses a time that its offset moves past year 1 or 9999 in UTC.
        return TicksRange.Holds(ticks, offsetMinutes);
    }

    /// <summary>The zone: nothing (UTC), <c>Z</c>, or <c>±hh:mm</c> up to 14 hours either way.</summary>
    private static bool TryZone(ReadOnlySpan<byte> zone, out short minutes)
    {
        minutes = 0;
        if (zone.IsEmpty || (zone.Length == 1 && zone[0] == 'Z'))
        {
            return true;
        }

        if (zone.Length != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':'
            || !AsciiDigits.TryParse(zone.Slice(1, 2), out int hours) || !AsciiDigits.TryParse(zone.Slice(4, 2), out int minute)
            || minute > 59 || (hours * 60) + minute > 14 * 60)
        {
            return false;
        }

        minutes = (short)((zone[0] == '-' ? -1 : 1) * ((hours * 60) + minute));
        return true;
    }

    /// <summary>The text as TryParseExact reads it: the definition of an ISO time here.</summary>
    private static bool TryParseExact(ReadOnlySpan<byte> s, out long ticks, out short offsetMinutes)
    {
        ticks = 0;
        offsetMinutes = 0;
        if (s.Length is < MinLength or > MaxLength || s[4] != '-' || s[10] != 'T' || !Ascii.IsValid(s))
        {
            return false;
        }

        Span<char> chars = stackalloc char[MaxLength];
        int length = Encoding.ASCII.GetChars(s, chars);
        if (!DateTimeOffset.TryParseExact(chars[..length], Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time))
        {
            return false;
        }

        (ticks, offsetMinutes) = (time.Ticks, (short)time.Offset.TotalMinutes);
        return true;
    }

    /// <summary>The day and zone of the last ISO time a parser decoded, by their bytes.</summary>
    internal struct DayCache
    {
        /// <summary>The first eight bytes of the last time decoded: <c>2008-02-</c>.</summary>
        public ulong Date;

        /// <summary>Its bytes 7 to 10: <c>-24T</c>.</summary>
        public uint DayT;

        /// <summary>Its last eight bytes, of which the zone's (<see cref="ZoneMask"/>) are kept: <c>\0\0-06:00</c>.</summary>
        public ulong Zone;

        /// <summary>The bytes of the last word that are the zone's: none for a time without one.</summary>
        public ulong ZoneMask;

        /// <summary>How many bytes the zone has: 0, 1 (<c>Z</c>) or 6 (<c>-06:00</c>).</summary>
        public int ZoneLength;

        /// <summary>The ticks of its day; 0 while there is none (no day of year 1 is remembered).</summary>
        public long DayTicks;

        /// <summary>Its offset in minutes.</summary>
        public short DayOffset;

        /// <summary>
        /// Remembers the day and zone of <paramref name="s"/>, a time just decoded, for
        /// <see cref="TryKnownDay"/>; not a day where some time of it would fall outside
        /// <see cref="DateTimeOffset"/>'s range at that offset.
        /// </summary>
        public void Remember(ReadOnlySpan<byte> s, long dayTicks, short offsetMinutes, int zoneLength)
        {
            if (dayTicks == 0 || !TicksRange.HoldsWholeDay(dayTicks, offsetMinutes))
            {
                DayTicks = 0;
                return;
            }

            Date = ByteReads.UInt64At(s, 0);
            DayT = ByteReads.UInt32At(s, 7);
            ZoneMask = zoneLength == 0 ? 0 : ulong.MaxValue << ((8 - zoneLength) * 8);
            Zone = ByteReads.UInt64At(s, s.Length - 8) & ZoneMask;
            (ZoneLength, DayTicks, DayOffset) = (zoneLength, dayTicks, offsetMinutes);
        }
    }
}

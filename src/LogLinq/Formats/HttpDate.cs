using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LogLinq.Formats;

/// <summary>
/// The timestamp of the NCSA log formats, <c>24/Feb/2008:00:08:59 -0600</c>, parsed from bytes.
/// The log's own offset is kept: a log written in Chicago stays in Chicago time.
/// </summary>
internal static class HttpDate
{
    private static ReadOnlySpan<short> DaysBeforeMonth => [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

    private static ReadOnlySpan<byte> DaysInMonth => [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    /// <summary>Parses <c>dd/MMM/yyyy:HH:mm:ss[.fff] ±hhmm</c>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> s, out DateTimeOffset value)
    {
        DayCache cache = default;
        bool ok = TryParse(s, ref cache, out long ticks, out short offsetMinutes);
        value = ok ? ToDateTimeOffset(ticks, offsetMinutes) : default;
        return ok;
    }

    /// <summary>The instant for local <paramref name="ticks"/> at an offset of <paramref name="offsetMinutes"/>.</summary>
    public static DateTimeOffset ToDateTimeOffset(long ticks, short offsetMinutes) =>
        new(ticks, new TimeSpan(offsetMinutes * TimeSpan.TicksPerMinute));

    /// <summary>
    /// Validates and decodes the time into local ticks and an offset, without building a
    /// <see cref="DateTimeOffset"/>: a scan checks every line's time but most queries never read it.
    /// </summary>
    /// <param name="s">The time's text, without brackets.</param>
    /// <param name="cache">The last day decoded by this caller: consecutive lines nearly always share it.</param>
    /// <param name="ticks">The local time in ticks.</param>
    /// <param name="offsetMinutes">The offset from UTC.</param>
    // Inlined into the per-line parsers: the known day is nearly every line; the rest is a call.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<byte> s, ref DayCache cache, out long ticks, out short offsetMinutes) =>
        (s.Length == 26 && TryKnownDay(s, ref cache, out ticks, out offsetMinutes)) || TryParseAny(s, ref cache, out ticks, out offsetMinutes);

    /// <summary>
    /// The NCSA time in brackets at <paramref name="at"/> of <paramref name="line"/>, with the request's
    /// quote after it (<c>[dd/MMM/yyyy:HH:mm:ss ±zzzz] "</c>), when its day and offset are those
    /// <paramref name="cache"/> holds: the 30 bytes but the clock compared as one vector against the
    /// day's, the clock as in <see cref="TryKnownDay"/>. The line must hold 32 bytes from <paramref name="at"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryKnownBracketed(ReadOnlySpan<byte> line, int at, ref DayCache cache, out long ticks, out short offsetMinutes)
    {
        Vector256<byte> text = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(line), (nuint)at);
        Vector256<byte> day = Vector256.LoadUnsafe(ref Unsafe.As<BracketedTime, byte>(ref cache.Bracketed));
        uint same = Vector256.Equals(text, day).ExtractMostSignificantBits();
        ulong invalid = ClockWord.Invalid(ByteReads.UInt64At(line, at + 13), lastSecond: 60, out ulong clock);

        // The rest is TryKnownDay's, written out: through a helper shared with it, the block scan
        // took a nanosecond a line more (24.7 against 23.7 ns, both ways of passing the day tried).
        if (((same & BracketedText) ^ BracketedText) != 0 || invalid != 0 || cache.DayTicks == 0)
        {
            ticks = 0;
            offsetMinutes = 0;
            return false;
        }

        offsetMinutes = cache.DayOffset;
        ticks = cache.DayTicks + ClockWord.Ticks(clock);
        return true;
    }

    // The bytes of "[dd/MMM/yyyy:HH:mm:ss ±zzzz] \"" that are the same all day: all but the clock's.
    private const uint BracketedText = 0x1FFFu | (0x1FFu << 21);

    // Longer than the longest time with a fraction of seven digits and an offset: not a time.
    private const int MaxUnpaddedLength = 40;

    /// <summary>
    /// Every time <see cref="TryKnownDay"/> leaves: a new day or offset, a fraction, or a bad time; and
    /// a time without an offset, read as UTC (as a JSON time without one is, so that a result never
    /// depends on the reader's zone), with a space or a colon after the day: Python's
    /// <c>http.server</c> and Werkzeug (Flask) write <c>[26/Nov/2026 12:00:01]</c>, and Apache's
    /// <c>%{%d/%b/%Y:%H:%M:%S}t</c> leaves the zone out; and a day of one digit.
    /// </summary>
    // Once a day on nearly every log, so left to ReadyToRun and tiering: compiled at full optimisation
    // at every start, it cost more than it saved.
    private static bool TryParseAny(ReadOnlySpan<byte> s, ref DayCache cache, out long ticks, out short offsetMinutes)
    {
        ticks = 0;
        offsetMinutes = 0;
        if (s.Length is >= 19 and < MaxUnpaddedLength && s[1] == '/' && AsciiDigits.IsDigit(s[0]))
        {
            // A day without its leading zero, as Go's "2/Jan/2006" layout writes it: read as the padded one.
            Span<byte> padded = stackalloc byte[MaxUnpaddedLength];
            padded[0] = (byte)'0';
            s.CopyTo(padded[1..]);
            return TryParseAny(padded[..(s.Length + 1)], ref cache, out ticks, out offsetMinutes);
        }

        if (s.Length < 20 || (s[11] != ':' && s[11] != ' ') || s[14] != ':' || s[17] != ':' || !Day(s, ref cache, out long dayTicks)
            || !TwoDigits(s, 12, out int hour)
            || !TwoDigits(s, 15, out int minute)
            || !TwoDigits(s, 18, out int second)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        int i = 20;
        long fractionTicks = 0;
        if (i < s.Length && s[i] == '.')
        {
            long scale = TimeSpan.TicksPerSecond;
            for (i++; i < s.Length && AsciiDigits.IsDigit(s[i]); i++)
            {
                scale /= 10;
                fractionTicks += (s[i] - '0') * scale;
            }
        }

        bool zoned = i < s.Length;
        if (zoned && (s.Length - i != 6 || s[i] != ' ' || !Offset(s[(i + 1)..], ref cache, out offsetMinutes)))
        {
            return false;
        }

        if (!Compose(dayTicks, hour, minute, second, fractionTicks, offsetMinutes, out ticks))
        {
            return false;
        }

        if (i == 20 && zoned && s[11] == ':')
        {
            cache.Remember(s, dayTicks, offsetMinutes);
        }

        return true;
    }

    /// <summary>
    /// <c>dd/MMM/yyyy:HH:mm:ss ±zzzz</c> of the day and offset <paramref name="cache"/> holds, as
    /// consecutive lines nearly always are: the day and offset compared as bytes, HH:mm:ss checked and
    /// decoded as one 8-byte word. False for any other time, which the general path then decodes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryKnownDay(ReadOnlySpan<byte> s, ref DayCache cache, out long ticks, out short offsetMinutes)
    {
        // The text around HH:mm:ss ("24/Feb/2008:" and " -0600") against the day's, as three words
        // read from its bracketed template (whose clock bytes are zero, as the seconds are masked
        // here); HH:mm:ss, its shape and ranges, as one (ClockWord). The tests are combined without
        // branching, so a line costs one branch to tell known from not.
        ReadOnlySpan<byte> day = cache.Bracketed;
        ulong other = (ByteReads.UInt64At(s, 0) ^ ByteReads.UInt64At(day, 1)) | (ByteReads.UInt32At(s, 8) ^ ByteReads.UInt32At(day, 9))
            | ((ByteReads.UInt64At(s, 18) & ~0xFFFFUL) ^ ByteReads.UInt64At(day, 19));
        ulong invalid = ClockWord.Invalid(ByteReads.UInt64At(s, 12), lastSecond: 60, out ulong clock);
        if ((other | invalid) != 0 || cache.DayTicks == 0)
        {
            ticks = 0;
            offsetMinutes = 0;
            return false;
        }

        // A leap second is clamped into the minute, as the general path does. (The day was remembered
        // only if every time of it is in range at its offset.)
        offsetMinutes = cache.DayOffset;
        ticks = cache.DayTicks + ClockWord.Ticks(clock);
        return true;
    }

    /// <summary>The local ticks of a time of day on a day; false where the offset moves it out of range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Compose(long dayTicks, int hour, int minute, int second, long fractionTicks, short offsetMinutes, out long ticks)
    {
        // A leap second is clamped into the minute rather than rejecting the line.
        ticks = dayTicks + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute)
            + (Math.Min(second, 59) * TimeSpan.TicksPerSecond) + fractionTicks;

        return TicksRange.Holds(ticks, offsetMinutes);
    }

    /// <summary>The offset <c>±hhmm</c> in minutes, remembered by its bytes: a log rarely changes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Offset(ReadOnlySpan<byte> s, ref DayCache cache, out short minutes)
    {
        ulong key = BinaryPrimitives.ReadUInt32LittleEndian(s[1..]) | ((ulong)s[0] << 32);
        if (key == cache.OffsetKey && cache.HasOffset)
        {
            minutes = cache.Offset;
            return true;
        }

        if (!TryParseOffset(s, out minutes))
        {
            return false;
        }

        (cache.OffsetKey, cache.Offset, cache.HasOffset) = (key, minutes, true);
        return true;
    }

    /// <summary>The offset <c>±hhmm</c> (at least five bytes) in minutes, up to ±14:00.</summary>
    internal static bool TryParseOffset(ReadOnlySpan<byte> s, out short minutes)
    {
        minutes = 0;
        if ((s[0] != '+' && s[0] != '-') || !TwoDigits(s, 1, out int hours) || !TwoDigits(s, 3, out int minute)
            || minute > 59 || (hours * 60) + minute > 14 * 60)
        {
            return false;
        }

        minutes = (short)((s[0] == '-' ? -1 : 1) * ((hours * 60) + minute));
        return true;
    }

    /// <summary>The ticks at the start of the day <c>dd/MMM/yyyy</c>, remembered by its bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Day(ReadOnlySpan<byte> s, ref DayCache cache, out long dayTicks)
    {
        ulong key = BinaryPrimitives.ReadUInt64LittleEndian(s);
        uint key2 = BinaryPrimitives.ReadUInt32LittleEndian(s[7..]);
        if (key == cache.Key && key2 == cache.Key2 && cache.Ticks != 0)
        {
            dayTicks = cache.Ticks;
            return true;
        }

        dayTicks = 0;
        int month = s[2] == '/' && s[6] == '/' ? Month(s.Slice(3, 3)) : 0;
        if (month == 0 || !TwoDigits(s, 0, out int day) || !FourDigits(s, 7, out int year))
        {
            return false;
        }

        bool leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        if (day < 1 || day > DaysInMonth[month] + (leap && month == 2 ? 1 : 0))
        {
            return false;
        }

        int y = year - 1;
        long days = (y * 365L) + (y / 4) - (y / 100) + (y / 400) + DaysBeforeMonth[month] + (leap && month > 2 ? 1 : 0) + day - 1;
        dayTicks = days * TimeSpan.TicksPerDay;
        (cache.Key, cache.Key2, cache.Ticks) = (key, key2, dayTicks);
        return true;
    }

    /// <summary>The month (1 to 12) of its three-letter English name, in any case; 0 for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Month(ReadOnlySpan<byte> m)
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TwoDigits(ReadOnlySpan<byte> s, int at, out int value)
    {
        value = 0;
        if (at + 2 > s.Length || !AsciiDigits.IsDigit(s[at]) || !AsciiDigits.IsDigit(s[at + 1]))
        {
            return false;
        }

        value = ((s[at] - '0') * 10) + (s[at + 1] - '0');
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    /// <summary>The last day and offset a parser decoded, by their bytes.</summary>
    internal struct DayCache
    {
        public ulong Key;
        public uint Key2;
        public long Ticks;
        public ulong OffsetKey;
        public short Offset;
        public bool HasOffset;

        /// <summary>The ticks of the last plain time's day; 0 while there is none (no day of year 1 is remembered).</summary>
        public long DayTicks;

        /// <summary>Its offset in minutes.</summary>
        public short DayOffset;

        /// <summary>
        /// Its time as a line brackets it, <c>[24/Feb/2008:HH:mm:ss -0600] "</c>, the clock's bytes zero:
        /// what both <see cref="TryKnownBracketed"/> and <see cref="TryKnownDay"/> compare against.
        /// </summary>
        public BracketedTime Bracketed;

        /// <summary>
        /// Remembers the day and offset of <paramref name="s"/>, a plain time just decoded, for
        /// <see cref="TryKnownDay"/>; not a day where some time of it would fall outside
        /// <see cref="DateTimeOffset"/>'s range at that offset.
        /// </summary>
        public void Remember(ReadOnlySpan<byte> s, long dayTicks, short offsetMinutes)
        {
            if (dayTicks == 0 || !TicksRange.HoldsWholeDay(dayTicks, offsetMinutes))
            {
                DayTicks = 0;
                return;
            }

            (DayTicks, DayOffset) = (dayTicks, offsetMinutes);
            Span<byte> bracketed = Bracketed;
            bracketed.Clear();
            bracketed[0] = (byte)'[';
            s[..12].CopyTo(bracketed[1..]);
            s[20..26].CopyTo(bracketed[21..]);
            "] \""u8.CopyTo(bracketed[27..]);
        }
    }

    /// <summary>
    /// The 32 bytes of a day's bracketed time, loaded as one vector where compared. Bytes rather than a
    /// <see cref="Vector256{T}"/> field: a type that holds a vector has a layout ReadyToRun cannot
    /// fix ahead of time, so every method touching it (and the scan's, through the fields) would be
    /// compiled at start instead.
    /// </summary>
    [InlineArray(32)]
    internal struct BracketedTime
    {
        private byte _first;
    }
}

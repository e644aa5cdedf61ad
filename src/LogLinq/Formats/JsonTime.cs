using System.Buffers.Text;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace LogLinq.Formats;

/// <summary>The ways JSON access logs write a time: ISO 8601, the NCSA form, or seconds since the Unix epoch.</summary>
internal static class JsonTime
{
    // No time written as text is longer; a longer value is not one and need not be decoded to find out.
    private const int MaxTextLength = 64;

    /// <summary>
    /// Parses a time written as a string: <c>24/Feb/2008:00:08:59 -0600</c> (nginx <c>$time_local</c>),
    /// ISO 8601 (<c>$time_iso8601</c>; without an offset it is taken as UTC, so a result never depends
    /// on the reader's time zone; BigQuery's exports write <c>2024-01-02 03:04:05.123456 UTC</c>), or
    /// epoch seconds written as a string (<c>"$msec"</c>).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        Days days = default;
        return TryParse(text, ref days, out value);
    }

    /// <summary>
    /// As <see cref="TryParse(ReadOnlySpan{byte}, out DateTimeOffset)"/>, through the days of the times
    /// read before (<paramref name="days"/>, kept from line to line): a time of the same day as the
    /// last is a few word compares, as in an NCSA line.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, ref Days days, out DateTimeOffset value)
    {
        bool ok = TryParse(text, ref days, out long ticks, out short offsetMinutes);
        value = ok ? HttpDate.ToDateTimeOffset(ticks, offsetMinutes) : default;
        return ok;
    }

    /// <summary>
    /// As <see cref="TryParse(ReadOnlySpan{byte}, ref Days, out DateTimeOffset)"/>, as the local
    /// <paramref name="ticks"/> and the offset from UTC that <see cref="CommonLogFields"/> keeps: a
    /// CSV row's time is not made a <see cref="DateTimeOffset"/> only to be taken apart again.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, ref Days days, out long ticks, out short offsetMinutes)
    {
        // ISO 8601 first, where it looks like one: no NCSA time has a 'T' after its first ten bytes,
        // and a CSV or JSON log's ISO time had paid for the NCSA parser's slow path (a call) first.
        if ((LooksIso(text) && IsoTime.TryParse(text, ref days.Iso, out ticks, out offsetMinutes))
            || HttpDate.TryParse(text, ref days.Ncsa, out ticks, out offsetMinutes))
        {
            return true;
        }

        bool ok = TryParseOther(text, ref days, out DateTimeOffset value);
        (ticks, offsetMinutes) = (value.Ticks, (short)value.TotalOffsetMinutes);
        return ok;
    }

    /// <summary>Every time but an ISO one of the common shape and an NCSA one: BigQuery's, epoch seconds, and what the general parser reads.</summary>
    private static bool TryParseOther(ReadOnlySpan<byte> text, ref Days days, out DateTimeOffset value)
    {
        value = default;

        if (text.IsEmpty || text.Length > MaxTextLength)
        {
            return false;
        }

        if (text.EndsWith(" UTC"u8))
        {
            // BigQuery's TIMESTAMP in its CSV and JSON exports: UTC, which the time without the word is taken as.
            text = text[..^4];
        }

        // The ISO 8601 of nearly every such log, decoded without the general parser's cost; any
        // other shape (a space for the 'T', nine digits of a second) is left to it.
        if (LooksIso(text) && IsoTime.TryParse(text, ref days.Iso, out long ticks, out short offsetMinutes))
        {
            value = HttpDate.ToDateTimeOffset(ticks, offsetMinutes);
            return true;
        }

        if (Utf8Parser.TryParse(text, out decimal seconds, out int consumed) && consumed == text.Length)
        {
            return EpochTime.TryParse(seconds, out value);
        }

        Span<char> chars = stackalloc char[MaxTextLength];
        int length = Encoding.UTF8.GetChars(text, chars);
        return DateTimeOffset.TryParse(chars[..length], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool LooksIso(ReadOnlySpan<byte> text) => text.Length >= 19 && text[0] is >= (byte)'0' and <= (byte)'9' && text[10] == 'T';

    /// <summary>The days of the last NCSA and ISO 8601 times read, for <see cref="TryParse(ReadOnlySpan{byte}, ref Days, out DateTimeOffset)"/>.</summary>
    internal struct Days
    {
        public HttpDate.DayCache Ncsa;
        public IsoTime.DayCache Iso;
    }
}

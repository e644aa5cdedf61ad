using System.Buffers.Text;
using System.Globalization;
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
        if (HttpDate.TryParse(text, out value))
        {
            return true;
        }

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
        IsoTime.DayCache day = default;
        if (text[0] is >= (byte)'0' and <= (byte)'9' && text.Length >= 19 && text[10] == 'T'
            && IsoTime.TryParse(text, ref day, out long ticks, out short offsetMinutes))
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
}

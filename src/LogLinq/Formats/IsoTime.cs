using System.Globalization;
using System.Text;

namespace LogLinq.Formats;

/// <summary>
/// An ISO 8601 time where an NCSA line has its time, as nginx writes <c>$time_iso8601</c> in a custom
/// <c>log_format</c>: <c>[2008-02-24T00:08:59-06:00]</c>, a fraction and <c>Z</c> allowed. Strict, so
/// that a line is not taken for a log line because some lenient parser made a time of its text.
/// </summary>
internal static class IsoTime
{
    // yyyy-MM-ddTHH:mm:ss, then up to seven digits of a fraction and a six-byte offset.
    private const int MinLength = 19;
    private const int MaxLength = 35;

    // K: an offset (+00:00), Z, or none; none is UTC, so a result never depends on the reader's time zone.
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>Parses the time into local ticks and the offset from UTC, as <see cref="HttpDate"/> does.</summary>
    public static bool TryParse(ReadOnlySpan<byte> s, out long ticks, out short offsetMinutes)
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
}

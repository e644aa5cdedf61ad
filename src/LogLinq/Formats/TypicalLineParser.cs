using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LogLinq.Formats;

/// <summary>
/// The shape nearly every NCSA line has, <c>host - - [dd/MMM/yyyy:HH:mm:ss ±zzzz] "request" 200 1234</c>
/// (and Combined's two quoted fields after it, and <c>vhost_combined</c>'s <c>name:port</c> before it), recognised without a search per field: one pass of
/// vector compares marks the line's spaces and quotes in bit masks, and each field boundary is the next
/// set bit; the time goes to <see cref="HttpDate"/> (or, written as ISO 8601, to <see cref="IsoTime"/>),
/// whose fast path knows the day of the line before.
/// Anything unusual (a line shorter than a vector or very long, an escaped or inner quote, a status that is not three digits) is not decided
/// here but left to <see cref="CommonLogParser"/>'s general path, so the two cannot disagree: this
/// accepts a line only with the fields the general path would find.
/// </summary>
internal static class TypicalLineParser
{
    private const int MaxChunks = 8;

    /// <summary>
    /// Finds the fields of a typical line into <paramref name="fields"/>; false when the line is not
    /// typical (well formed or not), and then <paramref name="fields"/> must be found again.
    /// </summary>
    /// <param name="line">The line.</param>
    /// <param name="fields">Where the fields go; it holds the day and offset of the line before.</param>
    /// <param name="splitRequest">Whether to split a <c>METHOD PATH HTTP/x</c> request into its parts now.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> line, ref CommonLogFields fields, bool splitRequest = true)
    {
        // The masks of a line alone are marked in whole vectors, within the line.
        if (line.Length < StructuralMasks.ChunkSize || line.Length > StructuralMasks.ChunkSize * MaxChunks)
        {
            return false;
        }

        Span<ulong> spaces = stackalloc ulong[MaxChunks + 1];
        Span<ulong> quotes = stackalloc ulong[MaxChunks + 1];
        StructuralMasks.MarkLine(line, spaces, quotes);
        return TryParse(line, new LineMasks(spaces, quotes, 0, line.Length), ref fields, splitRequest);
    }

    /// <summary>
    /// As <see cref="TryParse(ReadOnlySpan{byte}, ref CommonLogFields, bool)"/>, with the line's spaces
    /// and quotes already marked (a block scan marks a whole buffer of lines at once).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> line, scoped in LineMasks masks, ref CommonLogFields fields, bool splitRequest)
    {
        // Every field is set below (the struct is not cleared first: that was a tenth of the time).
        int length = line.Length;

        // host ident user: non-empty tokens, one space after each ("- - " on nearly every line).
        // (A host that ends in a comma is a forwarded-for list, left to the general path.)
        int host = line.Length >= Vector128<byte>.Count ? FirstSpaceOfSixteen(line) : -1;
        if (host < 0)
        {
            host = masks.NextSpace(0);
        }

        if (host <= 0 || host + 5 >= length || ByteReads.At(line, host - 1) == ',')
        {
            return false;
        }

        int user;
        if (ByteReads.UInt32At(line, host + 1) == DashSpaceDashSpace)
        {
            fields.Ident = new FieldRange(host + 1, 1);
            fields.User = new FieldRange(host + 3, 1);
            user = host + 4;
        }
        else
        {
            int ident = masks.NextSpace(host + 1);
            user = ident > host + 1 ? masks.NextSpace(ident + 1) : -1;
            if (user <= ident + 1)
            {
                return false;
            }

            fields.Ident = new FieldRange(host + 1, ident - host - 1);
            fields.User = new FieldRange(ident + 1, user - ident - 1);
        }

        fields.Host = new FieldRange(0, host);
        fields.VirtualHost = FieldRange.None;

        // [time] "request: the NCSA time's 26 bytes, then a space and the request's opening quote,
        // on a day the line before had; or else any time the general path would take.
        int open = user + 30;
        if (!Vector256.IsHardwareAccelerated || open + 6 >= length
            || !HttpDate.TryKnownBracketed(line, user + 1, ref fields.Day, out fields.TimeTicks, out fields.OffsetMinutes))
        {
            open = OtherTime(line, masks, ref fields, user);
            if (open < 0)
            {
                return false;
            }
        }

        // The request ends at the next quote, if that quote is not escaped and a space follows it.
        int close = masks.NextQuote(open + 1);
        if (close < 0 || close + 5 >= length || ByteReads.At(line, close - 1) == '\\' || ByteReads.At(line, close + 1) != ' ')
        {
            return false;
        }

        fields.SetRequest(new FieldRange(open + 1, close - open - 1));

        // METHOD PATH HTTP/x from the same masks, where the request has that shape; any other request
        // is split, as before, if and when a part of it is read.
        if (splitRequest)
        {
            int method = masks.NextSpace(open + 1);
            int protocol = masks.PreviousSpace(close - 1);
            if (protocol > method && line[(protocol + 1)..close].StartsWith("HTTP/"u8))
            {
                fields.SetRequestParts(
                    new FieldRange(open + 1, method - open - 1),
                    new FieldRange(method + 1, protocol - method - 1),
                    new FieldRange(protocol + 1, close - protocol - 1));
            }
        }

        // Three digits and a space, checked as one word: a byte below '0' borrows into its high bit,
        // a byte above '9' carries into it.
        int at = close + 2;
        uint status = ByteReads.UInt32At(line, at);
        uint digits = (status & 0x00FF_FFFF) - 0x0030_3030;
        if ((status >> 24) != ' ' || (((digits + 0x0076_7676) | digits) & 0x0080_8080) != 0)
        {
            return false;
        }

        fields.Status = (int)(((digits & 0xFF) * 100) + (((digits >> 8) & 0xFF) * 10) + ((digits >> 16) & 0xFF));
        at += 4;

        // The bytes: most often read from the word that holds them, without looking for their end in
        // the masks (a step less in the chain each line waits on).
        if (!TryBytesInWord(line, at, out fields.Bytes, out int end))
        {
            end = masks.NextSpace(at);
            if (!TryParseBytes(line, at, end < 0 ? length : end, out fields.Bytes))
            {
                return false;
            }
        }

        // Combined: "referrer" "user agent", each ending at a quote followed by a space or the end.
        fields.Referrer = FieldRange.None;
        fields.UserAgent = FieldRange.None;
        if (end >= 0 && end + 1 < length && ByteReads.At(line, end + 1) == '"')
        {
            int referrer = QuotedEnd(line, masks, end + 1);
            if (referrer < 0)
            {
                return false;
            }

            fields.Referrer = new FieldRange(end + 2, referrer - end - 2);
            if (referrer + 2 < length && ByteReads.At(line, referrer + 1) == ' ' && ByteReads.At(line, referrer + 2) == '"')
            {
                // Nearly always the line's last byte, when no quote lies between it and the opening one:
                // counted, not searched for over a user agent's hundred bytes or more, a search whose
                // length varies from line to line. (QuotedEnd would find that quote, unescaped, at the end.)
                int agent = referrer + 3 <= length - 1 && ByteReads.At(line, length - 1) == '"' && ByteReads.At(line, length - 2) != '\\'
                    && masks.QuotesBetween(referrer + 3, length - 1) == 0
                    ? length - 1
                    : QuotedEnd(line, masks, referrer + 2);
                if (agent < 0)
                {
                    return false;
                }

                fields.UserAgent = new FieldRange(referrer + 3, agent - referrer - 3);
            }
        }

        return true;
    }

    /// <summary>
    /// The time after the user's space at <paramref name="user"/> where it is not of the day the line
    /// before had: a new day or offset, an ISO 8601 time, a fraction, a <c>vhost_combined</c> line
    /// (whose <c>%v:%p</c> moves the fields along by one); returns the request's opening quote, or -1
    /// where the general path might read the line otherwise.
    /// </summary>
    // Out of line: on most lines the time is of a known day, and the rest would only make the per-line
    // code bigger.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int OtherTime(ReadOnlySpan<byte> line, scoped in LineMasks masks, ref CommonLogFields fields, int user)
    {
        int length = line.Length;
        int open = user + 30;
        if (open + 6 >= length || ByteReads.At(line, user + 1) != '[')
        {
            // Not Common's shape: vhost_combined's, where "%v:%p" comes first, if anything.
            user = ShiftVirtualHost(line, masks, ref fields, user);
            if (user < 0)
            {
                return -1;
            }

            open = user + 30;
            if (open + 6 >= length || line[user + 1] != '[')
            {
                return -1;
            }
        }

        if ((ByteReads.UInt32At(line, user + 28) & 0x00FF_FFFF) == CloseSpaceQuote)
        {
            return HttpDate.TryParse(ByteReads.Slice(line, user + 2, 26), ref fields.Day, out fields.TimeTicks, out fields.OffsetMinutes) ? open : -1;
        }

        return IsoTime(line, masks, user, ref fields);
    }

    /// <summary>
    /// The first space of the line's first 16 bytes, or -1: the host's end for any IPv4 address and
    /// most names, found by one vector compare rather than in the masks, whose words the host
    /// crosses at a different place on every line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstSpaceOfSixteen(ReadOnlySpan<byte> line)
    {
        uint spaces = Vector128.Equals(Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(line)), Vector128.Create((byte)' ')).ExtractMostSignificantBits();
        return spaces == 0 ? -1 : BitOperations.TrailingZeroCount(spaces);
    }

    /// <summary>
    /// An ISO 8601 time (nginx's <c>$time_iso8601</c>) in the brackets opened at <paramref name="user"/> + 1,
    /// decoded by <see cref="Formats.IsoTime"/>; returns the request's quote after it, or -1 where the
    /// general path might read the line otherwise, which is then left to it.
    /// </summary>
    // A call of its own: inlined into TryParse, it made the NCSA lines a tenth slower (measured);
    // an ISO line pays one call.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int IsoTime(ReadOnlySpan<byte> line, scoped in LineMasks masks, int user, ref CommonLogFields fields)
    {
        // [yyyy-MM-ddTHH:mm:ss±hh:mm], as nginx writes it, is 25 bytes; any other length is found
        // by the next space, as the time has none in it. "] \"" are around that space. (The general
        // path takes the first ']' for the time's end, which, in a time without one, is this.)
        int length = IsoWithOffset;
        int open = user + IsoWithOffset + 4;
        if ((ByteReads.UInt32At(line, user + IsoWithOffset + 2) & 0x00FF_FFFF) != CloseSpaceQuote)
        {
            int space = masks.NextSpace(user + 2);
            length = space - user - 3;
            open = space + 1;
            if (length is < MinIsoLength or > MaxIsoLength || open + 6 >= line.Length
                || ByteReads.At(line, space - 1) != ']' || ByteReads.At(line, open) != '"'

                // The general path looks for the NCSA time's ']' first, 27 bytes after the '[': a
                // line with one there (in a short time's request) it reads otherwise.
                || ByteReads.At(line, user + 28) == ']')
            {
                return -1;
            }
        }

        return Formats.IsoTime.TryParse(ByteReads.Slice(line, user + 2, length), ref fields.IsoDay, out fields.TimeTicks, out fields.OffsetMinutes) ? open : -1;
    }

    // The ISO times of IsoTime: yyyy-MM-ddTHH:mm:ss, at most a seven-digit fraction and a six-byte offset more.
    private const int MinIsoLength = 19;
    private const int IsoWithOffset = 25;
    private const int MaxIsoLength = 33;

    /// <summary>
    /// Takes the line's first token for a <c>vhost_combined</c> line's <c>%v:%p</c> when it is one,
    /// as the general path does: host, ident and user are then the tokens after it, and the user's
    /// space moves to the space after the next token, which is returned. -1 when the line cannot
    /// have that shape, which is left to the general path.
    /// </summary>
    // The user's space is returned rather than passed by reference: a local whose address is taken
    // lives in memory, and this one is read all through the parse.
    private static int ShiftVirtualHost(ReadOnlySpan<byte> line, scoped in LineMasks masks, ref CommonLogFields fields, int user)
    {
        if (!CommonLogParser.IsVirtualHost(fields.Host.Of(line)))
        {
            return -1;
        }

        int next = masks.NextSpace(user + 1);
        if (next <= user + 1)
        {
            return -1;
        }

        (fields.VirtualHost, fields.Host, fields.Ident) = (fields.Host, fields.Ident, fields.User);
        fields.User = new FieldRange(user + 1, next - user - 1);
        return next;
    }

    // "- - " read as a little-endian uint.
    private const uint DashSpaceDashSpace = '-' | (' ' << 8) | ('-' << 16) | (' ' << 24);

    // "] \"" read as the low three bytes of a little-endian uint.
    private const uint CloseSpaceQuote = ']' | (' ' << 8) | ('"' << 16);

    /// <summary>
    /// The bytes field at <paramref name="at"/> when it is one to seven digits followed by a space
    /// (<paramref name="end"/> is that space) or by the line's end (<paramref name="end"/> is -1), as
    /// the next space in the masks would have found; found and read from the 8-byte word that holds
    /// it. False for anything else (eight digits or more, '-', a byte other than a digit or a space),
    /// which is then read the long way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryBytesInWord(ReadOnlySpan<byte> line, int at, out long bytes, out int end)
    {
        int length = line.Length;
        bytes = 0;
        end = -1;
        if (at + 8 <= length)
        {
            // The digits from the field's start, to the first byte that is not one: a borrow or a
            // carry from that byte reaches only the bytes after it, so the first flagged is the one.
            ulong less = ByteReads.UInt64At(line, at) - 0x3030_3030_3030_3030;
            int digits = BitOperations.TrailingZeroCount(((less + 0x7676_7676_7676_7676) | less) & 0x8080_8080_8080_8080) >> 3;
            if (digits is 0 or 8 || ByteReads.At(line, at + digits) != ' ')
            {
                return false;
            }

            // The digits moved to the word's top, zeros (leading '0's) below them.
            end = at + digits;
            bytes = EightDigits(less << ((8 - digits) * 8));
            return true;
        }

        // The field ends the line: all of the rest digits.
        int count = length - at;
        return count >= 1 && length >= 8 && TryDigitsBefore(line, length, count, out bytes);
    }

    /// <summary>
    /// The bytes field, <paramref name="line"/> from <paramref name="start"/> to <paramref name="end"/>:
    /// up to eight digits as one word (the line holds eight bytes before its end: the field comes late),
    /// anything else as the general path reads it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParseBytes(ReadOnlySpan<byte> line, int start, int end, out long bytes)
    {
        int length = end - start;
        if (length is < 1 or > 8 || end < 8 || ByteReads.At(line, start) == '-')
        {
            return CommonLogParser.TryParseBytes(line[start..end], out bytes);
        }

        return TryDigitsBefore(line, end, length, out bytes);
    }

    /// <summary>
    /// The <paramref name="count"/> bytes (1 to 8) before <paramref name="end"/> (at least 8) as a
    /// number, when all are digits: the eight bytes that end them, the ones before them replaced by
    /// '0's, read as a number of eight digits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDigitsBefore(ReadOnlySpan<byte> line, int end, int count, out long value)
    {
        ulong before = (1UL << ((8 - count) * 8)) - 1;
        ulong digits = ((ByteReads.UInt64At(line, end - 8) & ~before) | (0x3030_3030_3030_3030 & before)) - 0x3030_3030_3030_3030;
        if ((((digits + 0x7676_7676_7676_7676) | digits) & 0x8080_8080_8080_8080) != 0)
        {
            value = 0;
            return false;
        }

        value = EightDigits(digits);
        return true;
    }

    /// <summary>The number of eight digits, each byte's value 0 to 9, the first in the lowest byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long EightDigits(ulong digits)
    {
        // Pairs, then fours, then the eight (Lemire's "parsing eight digits quickly").
        digits = (digits * 10) + (digits >> 8);
        return (long)((((digits & 0x0000_00FF_0000_00FF) * (100 + (1_000_000UL << 32)))
            + (((digits >> 16) & 0x0000_00FF_0000_00FF) * (1 + (10_000UL << 32)))) >> 32);
    }

    /// <summary>The closing quote of the field opened at <paramref name="open"/>, or -1 when it is not a plain one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int QuotedEnd(ReadOnlySpan<byte> line, scoped in LineMasks masks, int open)
    {
        int close = masks.NextQuote(open + 1);
        return close < 0 || ByteReads.At(line, close - 1) == '\\' || (close + 1 < line.Length && ByteReads.At(line, close + 1) != ' ') ? -1 : close;
    }
}

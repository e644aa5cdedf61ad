using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LogLinq.Formats;

/// <summary>
/// The shape nearly every NCSA line has, <c>host - - [dd/MMM/yyyy:HH:mm:ss ±zzzz] "request" 200 1234</c>
/// (and Combined's two quoted fields after it), recognised without a search per field: one pass of
/// vector compares marks the line's spaces and quotes in bit masks, and each field boundary is the next
/// set bit; the time goes to <see cref="HttpDate"/>, whose fast path knows the day of the line before.
/// Anything unusual (a line shorter than a vector or very long, an escaped or inner quote, a status that is not three digits) is not decided
/// here but left to <see cref="CommonLogParser"/>'s general path, so the two cannot disagree: this
/// accepts a line only with the fields the general path would find.
/// </summary>
internal static class TypicalLineParser
{
    private const int ChunkSize = 64;
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
        int length = line.Length;
        if (length < ChunkSize || length > ChunkSize * MaxChunks)
        {
            return false;
        }

        Span<ulong> spaces = stackalloc ulong[MaxChunks];
        Span<ulong> quotes = stackalloc ulong[MaxChunks];
        int chunks = Mark(line, spaces, quotes);
        spaces = spaces[..chunks];
        quotes = quotes[..chunks];

        HttpDate.DayCache day = fields.Day;
        fields = default;
        fields.Day = day;
        fields.Referrer = FieldRange.None;
        fields.UserAgent = FieldRange.None;

        // host ident user: non-empty tokens, one space after each ("- - " on nearly every line).
        int host = Next(spaces, 0);
        if (host <= 0 || host + 5 >= length)
        {
            return false;
        }

        int user;
        if (BinaryPrimitives.ReadUInt32LittleEndian(line[(host + 1)..]) == DashSpaceDashSpace)
        {
            fields.Ident = new FieldRange(host + 1, 1);
            fields.User = new FieldRange(host + 3, 1);
            user = host + 4;
        }
        else
        {
            int ident = Next(spaces, host + 1);
            user = ident > host + 1 ? Next(spaces, ident + 1) : -1;
            if (user <= ident + 1)
            {
                return false;
            }

            fields.Ident = new FieldRange(host + 1, ident - host - 1);
            fields.User = new FieldRange(ident + 1, user - ident - 1);
        }

        fields.Host = new FieldRange(0, host);

        // [time] "request: the time's 26 bytes, then a space and the request's opening quote.
        int open = user + 30;
        if (open + 6 >= length || line[user + 1] != '[' || line[user + 28] != ']' || line[user + 29] != ' ' || line[open] != '"'
            || !HttpDate.TryParse(line.Slice(user + 2, 26), ref fields.Day, out fields.TimeTicks, out fields.OffsetMinutes))
        {
            return false;
        }

        // The request ends at the next quote, if that quote is not escaped and a space follows it.
        int close = Next(quotes, open + 1);
        if (close < 0 || close + 5 >= length || line[close - 1] == '\\' || line[close + 1] != ' ')
        {
            return false;
        }

        fields.Request = new FieldRange(open + 1, close - open - 1);

        // METHOD PATH HTTP/x from the same masks, where the request has that shape; any other request
        // is split, as before, if and when a part of it is read.
        if (splitRequest)
        {
            int method = Next(spaces, open + 1);
            int protocol = Previous(spaces, close - 1);
            if (protocol > method && line[(protocol + 1)..close].StartsWith("HTTP/"u8))
            {
                fields.SetRequestParts(
                    new FieldRange(open + 1, method - open - 1),
                    new FieldRange(method + 1, protocol - method - 1),
                    new FieldRange(protocol + 1, close - protocol - 1));
            }
        }

        int at = close + 2;
        uint d0 = (uint)(line[at] - '0'), d1 = (uint)(line[at + 1] - '0'), d2 = (uint)(line[at + 2] - '0');
        if (d0 > 9 || d1 > 9 || d2 > 9 || line[at + 3] != ' ')
        {
            return false;
        }

        fields.Status = (int)((d0 * 100) + (d1 * 10) + d2);
        at += 4;

        int end = Next(spaces, at);
        if (!CommonLogParser.TryParseBytes(line[at..(end < 0 ? length : end)], out fields.Bytes))
        {
            return false;
        }

        // Combined: "referrer" "user agent", each ending at a quote followed by a space or the end.
        if (end >= 0 && end + 1 < length && line[end + 1] == '"')
        {
            int referrer = QuotedEnd(line, quotes, end + 1);
            if (referrer < 0)
            {
                return false;
            }

            fields.Referrer = new FieldRange(end + 2, referrer - end - 2);
            if (referrer + 2 < length && line[referrer + 1] == ' ' && line[referrer + 2] == '"')
            {
                int agent = QuotedEnd(line, quotes, referrer + 2);
                if (agent < 0)
                {
                    return false;
                }

                fields.UserAgent = new FieldRange(referrer + 3, agent - referrer - 3);
            }
        }

        return true;
    }

    // "- - " read as a little-endian uint.
    private const uint DashSpaceDashSpace = '-' | (' ' << 8) | ('-' << 16) | (' ' << 24);

    /// <summary>The closing quote of the field opened at <paramref name="open"/>, or -1 when it is not a plain one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int QuotedEnd(ReadOnlySpan<byte> line, ReadOnlySpan<ulong> quotes, int open)
    {
        int close = Next(quotes, open + 1);
        return close < 0 || line[close - 1] == '\\' || (close + 1 < line.Length && line[close + 1] != ' ') ? -1 : close;
    }

    /// <summary>
    /// Sets a bit per space and per quote, 64 bytes to a mask; the last chunk is a window that ends at
    /// the line's end, shifted into place, so nothing past the line is read. Returns the chunk count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Mark(ReadOnlySpan<byte> line, Span<ulong> spaces, Span<ulong> quotes)
    {
        ref byte start = ref MemoryMarshal.GetReference(line);
        int chunks = (line.Length + ChunkSize - 1) / ChunkSize;
        for (int c = 0; c < chunks - 1; c++)
        {
            (spaces[c], quotes[c]) = Chunk(ref Unsafe.Add(ref start, c * ChunkSize));
        }

        int tail = line.Length - ((chunks - 1) * ChunkSize);
        (ulong lastSpaces, ulong lastQuotes) = Chunk(ref Unsafe.Add(ref start, line.Length - ChunkSize));
        spaces[chunks - 1] = lastSpaces >> (ChunkSize - tail);
        quotes[chunks - 1] = lastQuotes >> (ChunkSize - tail);
        return chunks;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Spaces, ulong Quotes) Chunk(ref byte at)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<byte> v = Vector512.LoadUnsafe(ref at);
            return (Vector512.Equals(v, Vector512.Create((byte)' ')).ExtractMostSignificantBits(),
                    Vector512.Equals(v, Vector512.Create((byte)'"')).ExtractMostSignificantBits());
        }

        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<byte> low = Vector256.LoadUnsafe(ref at);
            Vector256<byte> high = Vector256.LoadUnsafe(ref at, 32);
            return (Vector256.Equals(low, Vector256.Create((byte)' ')).ExtractMostSignificantBits()
                        | ((ulong)Vector256.Equals(high, Vector256.Create((byte)' ')).ExtractMostSignificantBits() << 32),
                    Vector256.Equals(low, Vector256.Create((byte)'"')).ExtractMostSignificantBits()
                        | ((ulong)Vector256.Equals(high, Vector256.Create((byte)'"')).ExtractMostSignificantBits() << 32));
        }

        ulong spaces = 0, quotes = 0;
        for (int i = 0; i < ChunkSize; i += 16)
        {
            Vector128<byte> v = Vector128.LoadUnsafe(ref at, (nuint)i);
            spaces |= (ulong)Vector128.Equals(v, Vector128.Create((byte)' ')).ExtractMostSignificantBits() << i;
            quotes |= (ulong)Vector128.Equals(v, Vector128.Create((byte)'"')).ExtractMostSignificantBits() << i;
        }

        return (spaces, quotes);
    }

    /// <summary>The position of the first set bit at or after <paramref name="from"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Next(ReadOnlySpan<ulong> masks, int from)
    {
        int chunk = from / ChunkSize;
        if (chunk >= masks.Length)
        {
            return -1;
        }

        ulong bits = masks[chunk] & (ulong.MaxValue << (from % ChunkSize));
        while (bits == 0)
        {
            if (++chunk >= masks.Length)
            {
                return -1;
            }

            bits = masks[chunk];
        }

        return (chunk * ChunkSize) + BitOperations.TrailingZeroCount(bits);
    }

    /// <summary>The position of the last set bit at or before <paramref name="from"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Previous(ReadOnlySpan<ulong> masks, int from)
    {
        int chunk = from / ChunkSize;
        ulong bits = masks[chunk] & (ulong.MaxValue >> (ChunkSize - 1 - (from % ChunkSize)));
        while (bits == 0)
        {
            if (--chunk < 0)
            {
                return -1;
            }

            bits = masks[chunk];
        }

        return (chunk * ChunkSize) + ChunkSize - 1 - BitOperations.LeadingZeroCount(bits);
    }
}

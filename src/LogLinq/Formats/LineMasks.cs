using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace LogLinq.Formats;

/// <summary>
/// The space and quote masks of one line (see <see cref="StructuralMasks"/>), in the line's own
/// positions: either marked for the line alone, or a window onto the masks of the block that holds it.
/// The masks run at least a word past the line's end, so the next space or quote is searched a
/// <see cref="StructuralMasks.Window"/> at a time.
/// </summary>
internal ref struct LineMasks
{
    private readonly ReadOnlySpan<ulong> _spaces;
    private readonly ReadOnlySpan<ulong> _quotes;
    private readonly ReadOnlySpan<int> _quotesBefore;
    private int _origin;
    private int _end;

    /// <param name="spaces">The spaces, one bit per byte, and a word more (<see cref="StructuralMasks.WindowedChunks"/>).</param>
    /// <param name="quotes">The quotes, as many words.</param>
    /// <param name="origin">The bit of the line's first byte.</param>
    /// <param name="length">The line's length.</param>
    /// <param name="quotesBefore">How many quotes lie before each word, an entry a word and the total after them (<see cref="StructuralMasks.MarkBlock"/>); empty where not counted.</param>
    public LineMasks(ReadOnlySpan<ulong> spaces, ReadOnlySpan<ulong> quotes, int origin, int length, ReadOnlySpan<int> quotesBefore = default)
    {
        // The searches read a word past the line's end unchecked: the masks must hold it.
        int words = StructuralMasks.WindowedChunks(origin + length);
        if (Math.Min(spaces.Length, quotes.Length) < words || (!quotesBefore.IsEmpty && quotesBefore.Length < words))
        {
            ThrowTooShort();
        }

        _spaces = spaces;
        _quotes = quotes;
        _quotesBefore = quotesBefore;
        _origin = origin;
        _end = origin + length;
    }

    [DoesNotReturn]
    private static void ThrowTooShort() => throw new ArgumentException("The masks must run a word past the line's end.");

    /// <summary>Makes these the masks of the line of <paramref name="length"/> bytes at <paramref name="origin"/> of the same block.</summary>
    public void MoveTo(int origin, int length)
    {
        Debug.Assert(Math.Min(_spaces.Length, _quotes.Length) >= StructuralMasks.WindowedChunks(origin + length));
        _origin = origin;
        _end = origin + length;
    }

    /// <summary>Whether there are no masks: the line is to be marked by whoever reads it.</summary>
    public readonly bool IsEmpty => _spaces.IsEmpty;

    /// <summary>The masks of the line without its first <paramref name="count"/> bytes.</summary>
    public readonly LineMasks Skip(int count) => IsEmpty ? this : new LineMasks(_spaces, _quotes, _origin + count, _end - _origin - count, _quotesBefore);

    /// <summary>
    /// How many quotes lie from <paramref name="from"/> up to <paramref name="to"/> (not included), both
    /// within the line; -1 when the masks carry no counts (a line marked alone).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int QuotesBetween(int from, int to) =>
        _quotesBefore.IsEmpty ? -1 : QuotesBefore(to + _origin) - QuotesBefore(from + _origin);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int QuotesBefore(int bit)
    {
        int word = (int)((uint)bit / StructuralMasks.ChunkSize);
        return _quotesBefore[word] + BitOperations.PopCount(_quotes[word] & ((1UL << (int)((uint)bit % StructuralMasks.ChunkSize)) - 1));
    }

    /// <summary>The first space at or after <paramref name="from"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int NextSpace(int from) => Next(_spaces, from);

    /// <summary>The first quote at or after <paramref name="from"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int NextQuote(int from) => Next(_quotes, from);

    /// <summary>The last space at or before <paramref name="from"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int PreviousSpace(int from)
    {
        int at = from + _origin;
        while (at >= _origin)
        {
            if (at < StructuralMasks.WindowBits)
            {
                // The masks' first bits, which a window from here would start before: the first word, up to at.
                int last = StructuralMasks.ChunkSize - 1 - BitOperations.LeadingZeroCount(_spaces[0] & (ulong.MaxValue >> (StructuralMasks.ChunkSize - 1 - at)));
                return last >= _origin ? last - _origin : -1;
            }

            ulong window = StructuralMasks.WindowBefore(_spaces, at);
            if (window != 0)
            {
                int found = at - BitOperations.LeadingZeroCount(window);
                return found >= _origin ? found - _origin : -1;
            }

            at -= StructuralMasks.WindowBits;
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int Next(ReadOnlySpan<ulong> masks, int from)
    {
        int at = from + _origin;
        if (at >= _end)
        {
            return -1;
        }

        // A window at a time: a field shorter than a window (nearly every one) ends in the first,
        // wherever the line's words happen to split it.
        ulong window;
        while ((window = StructuralMasks.Window(masks, at)) == 0)
        {
            at += StructuralMasks.WindowBits;
            if (at >= _end)
            {
                return -1;
            }
        }

        int found = at + BitOperations.TrailingZeroCount(window);
        return found < _end ? found - _origin : -1;
    }
}

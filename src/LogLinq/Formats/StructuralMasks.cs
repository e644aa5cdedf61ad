using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LogLinq.Formats;

/// <summary>
/// The bytes that give an NCSA line its shape (newlines, spaces, quotes) as bit masks, one bit per
/// byte, 64 bytes to a word: one pass of vector compares, after which finding the next field boundary
/// is a bit scan instead of a search.
/// </summary>
internal static class StructuralMasks
{
    /// <summary>Bytes per mask word.</summary>
    public const int ChunkSize = 64;

    /// <summary>How many mask words cover <paramref name="length"/> bytes.</summary>
    public static int Chunks(int length) => (length + ChunkSize - 1) / ChunkSize;

    /// <summary>
    /// How many mask words <paramref name="length"/> bytes need to be searched a <see cref="Window"/> at a
    /// time: <see cref="Chunks"/> and one more, which a window from a bit of the last word runs into.
    /// (What that word holds does not matter: every search ends at the bytes' end.)
    /// </summary>
    public static int WindowedChunks(int length) => Chunks(length) + 1;

    /// <summary>The fewest mask bits a <see cref="Window"/> holds: how far a search moves past an empty one.</summary>
    public const int WindowBits = ChunkSize - 8;

    /// <summary>
    /// The bits of <paramref name="masks"/> from <paramref name="bit"/> on, at least <see cref="WindowBits"/>
    /// of them, as one word whose lowest bit is <paramref name="bit"/>'s: the eight bytes of the masks
    /// from the one that holds it, shifted. A field boundary in this word or the next is then one load
    /// away, where a search a word at a time ended in a branch that went either way from line to line.
    /// <paramref name="bit"/> must lie before the masks' last word (see <see cref="WindowedChunks"/>).
    /// </summary>
    // Mask words are little-endian in memory, as on every platform .NET runs on, so their bytes in
    // order are their bits in order.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Window(ReadOnlySpan<ulong> masks, int bit)
    {
        Debug.Assert((uint)bit < (uint)((masks.Length - 1) * ChunkSize));
        ref byte bytes = ref Unsafe.As<ulong, byte>(ref MemoryMarshal.GetReference(masks));
        return Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, (nint)((uint)bit >> 3))) >> (bit & 7);
    }

    /// <summary>
    /// The bits of <paramref name="masks"/> up to <paramref name="bit"/>, at least <see cref="WindowBits"/>
    /// of them, as one word whose highest bit is <paramref name="bit"/>'s: <see cref="Window"/> backwards.
    /// <paramref name="bit"/> must be at least <see cref="WindowBits"/>, so the eight bytes lie in the masks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong WindowBefore(ReadOnlySpan<ulong> masks, int bit)
    {
        Debug.Assert(bit >= WindowBits && bit < masks.Length * ChunkSize);
        ref byte bytes = ref Unsafe.As<ulong, byte>(ref MemoryMarshal.GetReference(masks));
        return Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, (nint)((uint)bit >> 3) - 7)) << (7 - (bit & 7));
    }

    /// <summary>
    /// Marks the spaces and quotes of one line of at least <see cref="ChunkSize"/> bytes. The last word
    /// is a window that ends at the line's end, shifted into place, so nothing past the line is read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MarkLine(ReadOnlySpan<byte> line, Span<ulong> spaces, Span<ulong> quotes)
    {
        ref byte start = ref MemoryMarshal.GetReference(line);
        int chunks = Chunks(line.Length);
        for (int c = 0; c < chunks - 1; c++)
        {
            (spaces[c], quotes[c], _) = Chunk(ref Unsafe.Add(ref start, c * ChunkSize));
        }

        int tail = line.Length - ((chunks - 1) * ChunkSize);
        (ulong lastSpaces, ulong lastQuotes, _) = Chunk(ref Unsafe.Add(ref start, line.Length - ChunkSize));
        spaces[chunks - 1] = lastSpaces >> (ChunkSize - tail);
        quotes[chunks - 1] = lastQuotes >> (ChunkSize - tail);
    }

    /// <summary>
    /// Marks the newlines, spaces and quotes of a block of whole lines, <see cref="Chunks"/> words each,
    /// and counts the quotes before each word (<paramref name="quotesBefore"/>, one entry more: the
    /// block's total), so the quotes between two places are two lookups and two population counts.
    /// The bytes of a last, partial word are compared from a copy, so nothing past the block is read.
    /// </summary>
    public static void MarkBlock(ReadOnlySpan<byte> block, Span<ulong> newlines, Span<ulong> spaces, Span<ulong> quotes, Span<int> quotesBefore)
    {
        ref byte start = ref MemoryMarshal.GetReference(block);
        int whole = block.Length / ChunkSize;
        int count = 0;
        for (int c = 0; c < whole; c++)
        {
            (spaces[c], quotes[c], newlines[c]) = Chunk(ref Unsafe.Add(ref start, c * ChunkSize));
            quotesBefore[c] = count;
            count += BitOperations.PopCount(quotes[c]);
        }

        int tail = block.Length - (whole * ChunkSize);
        if (tail > 0)
        {
            // Zeros mark nothing.
            Span<byte> last = stackalloc byte[ChunkSize];
            last.Clear();
            block[(whole * ChunkSize)..].CopyTo(last);
            (spaces[whole], quotes[whole], newlines[whole]) = Chunk(ref MemoryMarshal.GetReference(last));
            quotesBefore[whole] = count;
            count += BitOperations.PopCount(quotes[whole]);
            whole++;
        }

        quotesBefore[whole] = count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Spaces, ulong Quotes, ulong Newlines) Chunk(ref byte at)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<byte> v = Vector512.LoadUnsafe(ref at);
            return (Vector512.Equals(v, Vector512.Create((byte)' ')).ExtractMostSignificantBits(),
                    Vector512.Equals(v, Vector512.Create((byte)'"')).ExtractMostSignificantBits(),
                    Vector512.Equals(v, Vector512.Create((byte)'\n')).ExtractMostSignificantBits());
        }

        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<byte> low = Vector256.LoadUnsafe(ref at);
            Vector256<byte> high = Vector256.LoadUnsafe(ref at, 32);
            return (Mask(low, high, (byte)' '), Mask(low, high, (byte)'"'), Mask(low, high, (byte)'\n'));
        }

        ulong spaces = 0, quotes = 0, newlines = 0;
        for (int i = 0; i < ChunkSize; i += 16)
        {
            Vector128<byte> v = Vector128.LoadUnsafe(ref at, (nuint)i);
            spaces |= (ulong)Vector128.Equals(v, Vector128.Create((byte)' ')).ExtractMostSignificantBits() << i;
            quotes |= (ulong)Vector128.Equals(v, Vector128.Create((byte)'"')).ExtractMostSignificantBits() << i;
            newlines |= (ulong)Vector128.Equals(v, Vector128.Create((byte)'\n')).ExtractMostSignificantBits() << i;
        }

        return (spaces, quotes, newlines);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask(Vector256<byte> low, Vector256<byte> high, byte value) =>
        Vector256.Equals(low, Vector256.Create(value)).ExtractMostSignificantBits()
        | ((ulong)Vector256.Equals(high, Vector256.Create(value)).ExtractMostSignificantBits() << 32);
}

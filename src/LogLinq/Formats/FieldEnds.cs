using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LogLinq.Formats;

/// <summary>
/// Where each field of a line split at its separator bytes ends, for the formats whose header says
/// which field is which (W3C's spaces and tabs, a CSV row's commas or tabs when it holds no quote).
/// The separators of 64 bytes at a time are found by one vector compare, as bits, and each field ends
/// at the next bit: a search per field cost more than the field (most are a few bytes).
/// </summary>
internal static class FieldEnds
{
    /// <summary>
    /// Splits the <paramref name="length"/> bytes at the start of <paramref name="padded"/> at each byte
    /// equal to <paramref name="separator"/> or <paramref name="other"/> (the same byte twice for one
    /// separator): the end of each field goes to <paramref name="ends"/>, as far as it has room (the
    /// last field's is <paramref name="length"/>); returns how many fields there are. The buffer holds
    /// 64 bytes past the line, whose bytes there are masked off rather than copied apart.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Split(byte[] padded, int length, int[] ends, byte separator, byte other) =>
        Split(padded, length, ends, separator, other, stop: separator, stops: false);

    /// <summary>
    /// Splits the line as <see cref="Split(byte[], int, int[], byte, byte)"/> does at each
    /// <paramref name="separator"/>, unless it holds a <paramref name="stop"/> byte (a CSV row's quote,
    /// whose value may hold the separator): then -1, from the same vector compares as the separators.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SplitUnless(byte[] padded, int length, int[] ends, byte separator, byte stop) =>
        Split(padded, length, ends, separator, separator, stop, stops: true);

    // The two as one loop; stops is a constant at each call, so its test is compiled away where false.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Split(byte[] padded, int length, int[] ends, byte separator, byte other, byte stop, bool stops)
    {
        if (padded.Length < length + 64)
        {
            ThrowTooShort();
        }

        ref byte bytes = ref MemoryMarshal.GetArrayDataReference(padded);
        ref int end = ref MemoryMarshal.GetArrayDataReference(ends);
        int count = 0;
        for (int chunk = 0; chunk < length; chunk += 64)
        {
            ref byte at = ref Unsafe.Add(ref bytes, chunk);
            ulong separators = Separators(ref at, separator, other);
            ulong stopped = stops ? Separators(ref at, stop, stop) : 0;
            if (length - chunk < 64)
            {
                ulong inLine = (1UL << (length - chunk)) - 1;
                separators &= inLine;
                stopped &= inLine;
            }

            if (stopped != 0)
            {
                return -1;
            }

            if (count + BitOperations.PopCount(separators) < ends.Length)
            {
                // The line has no more fields than its header says so far: each end has its place.
                while (separators != 0)
                {
                    Unsafe.Add(ref end, count++) = chunk + BitOperations.TrailingZeroCount(separators);
                    separators &= separators - 1;
                }
            }
            else
            {
                // Too many: counted (for the message), kept as far as there is room.
                for (; separators != 0; separators &= separators - 1, count++)
                {
                    if (count < ends.Length)
                    {
                        ends[count] = chunk + BitOperations.TrailingZeroCount(separators);
                    }
                }
            }
        }

        if (count < ends.Length)
        {
            ends[count] = length;
        }

        return count + 1;
    }

    [DoesNotReturn]
    private static void ThrowTooShort() => throw new ArgumentException("The buffer must hold 64 bytes past the line.");

    /// <summary>The bytes equal to <paramref name="separator"/> or <paramref name="other"/> of the 64 at <paramref name="at"/>, a bit each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Separators(ref byte at, byte separator, byte other)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<byte> v = Vector512.LoadUnsafe(ref at);
            return (Vector512.Equals(v, Vector512.Create(separator)) | Vector512.Equals(v, Vector512.Create(other))).ExtractMostSignificantBits();
        }

        Vector256<byte> low = Vector256.LoadUnsafe(ref at);
        Vector256<byte> high = Vector256.LoadUnsafe(ref at, 32);
        return (Vector256.Equals(low, Vector256.Create(separator)) | Vector256.Equals(low, Vector256.Create(other))).ExtractMostSignificantBits()
            | ((ulong)(Vector256.Equals(high, Vector256.Create(separator)) | Vector256.Equals(high, Vector256.Create(other))).ExtractMostSignificantBits() << 32);
    }
}

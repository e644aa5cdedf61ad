using System.Runtime.CompilerServices;

namespace LogLinq.Interchange;

/// <summary>
/// Unsigned LEB128 integers, seven bits a byte, low bits first (as protobuf and .NET's
/// <c>BinaryWriter.Write7BitEncodedInt64</c> write them), and the zigzag mapping that keeps small
/// negative numbers short.
/// </summary>
internal static class Varint
{
    /// <summary>The most bytes a 64-bit value takes.</summary>
    public const int MaxLength = 10;

    /// <summary>How many bytes <paramref name="value"/> takes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Length(ulong value) => (70 - System.Numerics.BitOperations.LeadingZeroCount(value | 1)) / 7;

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/>, which has room; returns the bytes written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(Span<byte> destination, ulong value)
    {
        int i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>
    /// Reads a value from the start of <paramref name="source"/>: the bytes it took, 0 when
    /// <paramref name="source"/> ends inside it, or -1 when it is longer than a 64-bit value can be.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Read(ReadOnlySpan<byte> source, out ulong value)
    {
        value = 0;
        int shift = 0;
        for (int i = 0; i < source.Length; i++)
        {
            byte b = source[i];
            if (i == MaxLength - 1 && b > 1)
            {
                return -1;
            }

            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return i + 1;
            }

            shift += 7;
        }

        return 0;
    }

    /// <summary>A signed value as an unsigned one, small magnitudes small: 0, -1, 1, -2 → 0, 1, 2, 3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    /// <summary>The inverse of <see cref="ZigZag"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}

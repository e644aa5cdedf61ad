using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LogLinq.Formats;

/// <summary>
/// Reads of a line's bytes at positions its parser has already proved to lie within it. The per-line
/// parsers check a field's bounds once, where the line's shape is decided (<c>host + 5 &lt; length</c>);
/// a span's own check at every read after that was a fifth of the typical line's instructions. Each
/// read asserts its bounds, so a debug build (the tests') still catches a wrong proof.
/// </summary>
internal static class ByteReads
{
    /// <summary>The byte at <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte At(ReadOnlySpan<byte> s, int at)
    {
        Debug.Assert((uint)at < (uint)s.Length);
        return Unsafe.Add(ref MemoryMarshal.GetReference(s), (nint)(uint)at);
    }

    /// <summary>The two bytes from <paramref name="at"/>, little-endian.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort UInt16At(ReadOnlySpan<byte> s, int at)
    {
        Debug.Assert(at >= 0 && at + sizeof(ushort) <= s.Length);
        ushort value = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref MemoryMarshal.GetReference(s), (nint)(uint)at));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    /// <summary>The four bytes from <paramref name="at"/>, little-endian.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint UInt32At(ReadOnlySpan<byte> s, int at)
    {
        Debug.Assert(at >= 0 && at + sizeof(uint) <= s.Length);
        uint value = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref MemoryMarshal.GetReference(s), (nint)(uint)at));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    /// <summary>The eight bytes from <paramref name="at"/>, little-endian.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong UInt64At(ReadOnlySpan<byte> s, int at)
    {
        Debug.Assert(at >= 0 && at + sizeof(ulong) <= s.Length);
        ulong value = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(s), (nint)(uint)at));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    /// <summary>The <paramref name="length"/> bytes from <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> s, int at, int length)
    {
        Debug.Assert(at >= 0 && length >= 0 && at + length <= s.Length);
        return MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetReference(s), (nint)(uint)at), length);
    }
}

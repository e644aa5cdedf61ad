using System.Runtime.CompilerServices;

namespace LogLinq.Formats;

/// <summary>
/// <c>HH:mm:ss</c> read as one little-endian 8-byte word, as the NCSA and ISO 8601 times both write
/// it: less '0' in every byte the colons become 0x0A and the digits 0 to 9, so the shape is checked
/// and the numbers decoded without a branch, and the caller combines the result with its own tests.
/// </summary>
internal static class ClockWord
{
    // The colons of HH:mm:ss in its word, and what they are less '0'.
    private const ulong Colons = 0x0000_FF00_00FF_0000;
    private const ulong ColonsLessZero = 0x0000_0A00_000A_0000;

    /// <summary>
    /// Decodes <paramref name="text"/>, the eight bytes <c>HH:mm:ss</c>; returns zero when they have
    /// that shape (two digits, a colon, two, a colon, two), anything else when not, and then the
    /// numbers mean nothing. Their ranges are the caller's to check.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Misshapen(ulong text, out int hour, out int minute, out int second)
    {
        ulong clock = text - 0x3030_3030_3030_3030;
        ulong digits = clock & ~Colons;
        hour = (int)(((digits & 0xFF) * 10) + ((digits >> 8) & 0xFF));
        minute = (int)((((digits >> 24) & 0xFF) * 10) + ((digits >> 32) & 0xFF));
        second = (int)((((digits >> 48) & 0xFF) * 10) + ((digits >> 56) & 0xFF));

        // A byte below '0' borrows into its high bit, a byte above '9' carries into it.
        return ((clock & Colons) ^ ColonsLessZero) | (((digits + 0x7676_7676_7676_7676) | digits) & 0x8080_8080_8080_8080);
    }
}

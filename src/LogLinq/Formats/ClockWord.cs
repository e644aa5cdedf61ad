using System.Runtime.CompilerServices;

namespace LogLinq.Formats;

/// <summary>
/// <c>HH:mm:ss</c> read as one little-endian 8-byte word, as the NCSA and ISO 8601 times both write
/// it: less '0' in every byte the colons become 0x0A and the digits 0 to 9, so the shape and the
/// ranges are checked and the numbers decoded without a branch, and the caller combines the result
/// with its own tests.
/// </summary>
internal static class ClockWord
{
    // The colons of HH:mm:ss in its word, and what they are less '0'.
    private const ulong Colons = 0x0000_FF00_00FF_0000;
    private const ulong ColonsLessZero = 0x0000_0A00_000A_0000;

    // Once each pair of digits is one number in its tens' byte: hours in byte 0, minutes in 3, seconds in 6.
    private const ulong Numbers = 0x00FF_0000_FF00_00FF;
    private const ulong HighBits = 0x0080_0000_8000_0080;

    /// <summary>
    /// Checks <paramref name="text"/>, the eight bytes <c>HH:mm:ss</c>; returns zero when they have
    /// that shape (two digits, a colon, two, a colon, two) and the hour is at most 23, the minute at
    /// most 59 and the second at most <paramref name="lastSecond"/>; anything else when not. The numbers
    /// are left in <paramref name="clock"/> for <see cref="Ticks"/>, meaningful only when zero is returned.
    /// </summary>
    /// <param name="text">The eight bytes.</param>
    /// <param name="lastSecond">59, or 60 where a leap second is taken (a constant: it folds into the test).</param>
    /// <param name="clock">The hour, minute and second, one word.</param>
    // One word out, not three numbers: the caller decodes it only past its branch, so nothing is
    // kept in memory across it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Invalid(ulong text, int lastSecond, out ulong clock)
    {
        ulong less = text - 0x3030_3030_3030_3030;
        ulong digits = less & ~Colons;

        // A byte below '0' borrows into its high bit, a byte above '9' carries into it.
        ulong misshapen = ((less & Colons) ^ ColonsLessZero) | (((digits + 0x7676_7676_7676_7676) | digits) & 0x8080_8080_8080_8080);

        // Tens times ten plus ones, all three pairs at once: no byte exceeds 99, so none carries.
        clock = ((digits * 10) + (digits >> 8)) & Numbers;

        // 0x80 less one past each limit: a number beyond it carries into its byte's high bit.
        ulong limits = (0x80 - 24) | ((0x80UL - 60) << 24) | ((ulong)(0x80 - lastSecond - 1) << 48);
        return misshapen | ((clock + limits) & HighBits);
    }

    /// <summary>The ticks since midnight of a <paramref name="clock"/> from <see cref="Invalid"/>; a leap second is clamped into its minute.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Ticks(ulong clock) =>
        ((long)(clock & 0xFF) * TimeSpan.TicksPerHour) + ((long)((clock >> 24) & 0xFF) * TimeSpan.TicksPerMinute)
        + (Math.Min((long)(clock >> 48), 59) * TimeSpan.TicksPerSecond);
}

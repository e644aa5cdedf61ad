using System.Runtime.CompilerServices;

namespace LogLinq.Formats;

/// <summary>ASCII digits in the bytes of a line: what the time and number fields of every format are written in.</summary>
internal static class AsciiDigits
{
    /// <summary>Whether <paramref name="b"/> is '0' to '9'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    /// <summary>The number <paramref name="s"/> writes when every byte of it is a digit; false otherwise.</summary>
    public static bool TryParse(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (byte b in s)
        {
            if (!IsDigit(b))
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}

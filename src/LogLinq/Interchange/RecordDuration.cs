using System.Buffers.Text;

namespace LogLinq.Interchange;

/// <summary>
/// How a record's duration is written in a record stream: as text, its ticks (100 ns) in decimal
/// digits, null where the record has none. Text is a type every version-1 reader knows, so adding
/// the field kept the version, and a reader older than it reads past the field.
/// </summary>
internal static class RecordDuration
{
    /// <summary>The most bytes <see cref="Format"/> writes: a long's digits.</summary>
    public const int MaxLength = 20;

    /// <summary>Writes <paramref name="duration"/>'s ticks into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes); returns how many bytes.</summary>
    public static int Format(TimeSpan duration, Span<byte> destination)
    {
        Utf8Formatter.TryFormat(duration.Ticks, destination, out int written);
        return written;
    }

    /// <summary>The duration <paramref name="text"/> writes; false when it is not a count of ticks.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out TimeSpan duration)
    {
        duration = default;
        if (text.IsEmpty || !Utf8Parser.TryParse(text, out long ticks, out int consumed) || consumed != text.Length || ticks < 0)
        {
            return false;
        }

        duration = TimeSpan.FromTicks(ticks);
        return true;
    }
}

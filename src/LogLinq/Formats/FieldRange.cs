using System.Runtime.CompilerServices;

namespace LogLinq.Formats;

/// <summary>Where a field lies within a line: a start and a length, so a field costs no string until read.</summary>
internal readonly record struct FieldRange(int Start, int Length)
{
    public static readonly FieldRange None = new(0, -1);

    public bool IsNone => Length < 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> line) => IsNone ? default : line.Slice(Start, Length);
}

using System.Runtime.CompilerServices;

namespace LogLinq.Formats;

/// <summary>Where a field lies within a line: a start and a length, so a field costs no string until read.</summary>
internal readonly record struct FieldRange(int Start, int Length)
{
    // A property, not a static field: per-line code would test that the type is initialised at every use.
    public static FieldRange None => new(0, -1);

    public bool IsNone => Length < 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> line) => IsNone ? default : line.Slice(Start, Length);
}

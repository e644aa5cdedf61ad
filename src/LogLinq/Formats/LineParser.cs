using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// Turns the lines of one file into records. A parser is made per file because some formats carry
/// state in the file itself (W3C's <c>#Fields:</c> header, the format <c>auto</c> detected).
/// </summary>
internal abstract class LineParser
{
    /// <summary>Parses one line; on <see cref="LineResult.Malformed"/>, <paramref name="error"/> says why.</summary>
    public abstract LineResult Parse(in LogLine line, out LogRecord? record, out string? error);

    /// <summary>True for a line of nothing but spaces and tabs, which no format treats as a record.</summary>
    internal static bool IsBlank(ReadOnlySpan<byte> line) => line.TrimStart(" \t"u8).IsEmpty;
}

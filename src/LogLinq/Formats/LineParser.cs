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

    /// <summary>
    /// Whether <see cref="ParseFields"/> reads this format's lines: those whose values are copied out
    /// of the line (<see cref="CopyingLineParser"/>), which a scan then reads as ranges, as it reads
    /// NCSA lines (the scan's own, with no parser).
    /// </summary>
    public virtual bool HasFields => false;

    /// <summary>
    /// Parses one line into <paramref name="fields"/>, ranges into <paramref name="text"/>, a buffer of
    /// the parser's own that is valid until its next line: no string is made for any field. Only
    /// where <see cref="HasFields"/>.
    /// </summary>
    public virtual LineResult ParseFields(in LogLine line, ref CommonLogFields fields, out ArraySegment<byte> text, out string? error) =>
        throw new NotSupportedException($"{GetType().Name} makes records, not fields");

    /// <summary>
    /// Whether <paramref name="line"/>, a file's first that is not blank, is a line of this format as
    /// it stands, so that nothing a collector writes before a line is looked for on it: a format a
    /// user wrote may open with what a syslog header or a container runtime's opens with (a time).
    /// </summary>
    internal virtual bool ReadsAsItStands(ReadOnlySpan<byte> line) => false;

    /// <summary>
    /// The header lines this parser has read that say how it reads the lines after them (W3C's
    /// <c>#Fields:</c>, a CSV header), or null where there are none: always, for a format whose lines
    /// stand alone. A range of a file that starts past its head is scanned by a parser given the
    /// head's, and checked against these of the range before it.
    /// </summary>
    internal virtual HeaderLines? Headers => null;

    /// <summary>True for a line of nothing but spaces and tabs, which no format treats as a record.</summary>
    // Per line: a line that starts with neither is not blank, told without the trim's call.
    internal static bool IsBlank(ReadOnlySpan<byte> line) =>
        line.IsEmpty || (line[0] is (byte)' ' or (byte)'\t' && line.TrimStart(" \t"u8).IsEmpty);
}

using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// A run of NUL bytes after a line's text: where a write was cut short (the server crashed, or a
/// rotation came mid-write) and the log went on past the hole. The text before the zeros is the line
/// that was cut short; the text after them is the next line the server wrote, with no newline between.
/// A reader sees such a hole at the end of a read and takes it apart there; one that a read holds
/// whole (a crash's hole is often a page or two) reaches the parser inside one line, which then fails.
/// </summary>
/// <remarks>
/// Looked for only in a line that did not parse: a line of text holds no NUL, and the lines that
/// parse pay nothing for this.
/// </remarks>
internal static class LineHole
{
    /// <summary>Why a line with a hole in it is not a record, where the hole is not taken apart.</summary>
    public const string Reason = "a run of NUL bytes inside the line (a write cut short)";

    /// <summary>
    /// Whether <paramref name="line"/> holds a hole after some text (zeros before any text are
    /// <see cref="LineNoise"/>, not a hole). <paramref name="rest"/> is where the text after the
    /// zeros starts: the line's length when the zeros run to its end.
    /// </summary>
    public static bool TryFind(ReadOnlySpan<byte> line, out int rest)
    {
        int text = LineNoise.Length(line);
        int zero = text < line.Length ? line[text..].IndexOf((byte)0) : -1;
        if (zero <= 0)
        {
            rest = 0;
            return false;
        }

        zero += text;
        int after = line[zero..].IndexOfAnyExcept((byte)0);
        rest = after < 0 ? line.Length : zero + after;
        return true;
    }

    /// <summary>
    /// What <paramref name="parser"/> makes of the text after the holes of <paramref name="line"/>, a
    /// line it found malformed: the first text after a run of zeros that is not malformed
    /// (<paramref name="rest"/>), or <see cref="LineResult.Malformed"/> where there is none (binary
    /// noise has zeros too). The line itself stays one malformed line either way.
    /// </summary>
    public static LineResult ParseAfter(LineParser parser, LogLine line, out LogLine rest, out LogRecord? record)
    {
        (rest, record) = (line, null);
        LineResult result = LineResult.Malformed;
        while (result == LineResult.Malformed && TryFind(rest.Bytes.Span, out int at))
        {
            rest = rest with { Bytes = rest.Bytes[at..] };
            result = parser.Parse(rest, out record, out _);
        }

        return result;
    }
}

using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// A parser of a format whose every line is one record in fields of text (ELB, HAProxy, S3, Squid):
/// the line's noise (a byte order mark, a copy-truncate's zeros) and trailing blanks are taken off,
/// and a blank line skipped, before the format sees the text and copies what a record keeps.
/// </summary>
internal abstract class TextLineParser : CopyingLineParser
{
    public sealed override LineResult ParseFields(in LogLine line, ref CommonLogFields fields, out ArraySegment<byte> text, out string? error)
    {
        text = default;
        ReadOnlySpan<byte> bytes = line.Bytes.Span[LineNoise.Length(line.Bytes.Span)..].TrimEnd(" \t"u8);
        if (IsBlank(bytes))
        {
            error = null;
            return LineResult.Skipped;
        }

        FieldText values = StartLine();
        LineResult result = Parse(bytes, ref values, ref fields, out error);
        text = EndLine(values);
        return result;
    }

    /// <summary>
    /// Parses <paramref name="line"/>'s text, which is not blank, into <paramref name="fields"/>, the
    /// text they keep copied into <paramref name="values"/>.
    /// </summary>
    protected abstract LineResult Parse(ReadOnlySpan<byte> line, ref FieldText values, ref CommonLogFields fields, out string? error);
}

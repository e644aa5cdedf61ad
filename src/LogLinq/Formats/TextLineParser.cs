using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// A parser of a format whose every line is one record in fields of text (ELB, HAProxy, S3, Squid):
/// the line's noise (a byte order mark, a copy-truncate's zeros) and trailing blanks are taken off,
/// and a blank line skipped, before the format sees the text.
/// </summary>
internal abstract class TextLineParser : LineParser
{
    public sealed override LineResult Parse(in LogLine line, out LogRecord? record, out string? error)
    {
        ReadOnlySpan<byte> text = line.Bytes.Span[LineNoise.Length(line.Bytes.Span, line.Number == 1)..].TrimEnd(" \t"u8);
        if (IsBlank(text))
        {
            record = null;
            error = null;
            return LineResult.Skipped;
        }

        return Parse(text, line, out record, out error);
    }

    /// <summary>Parses the text of <paramref name="line"/>, which is not blank.</summary>
    protected abstract LineResult Parse(ReadOnlySpan<byte> text, in LogLine line, out LogRecord? record, out string? error);
}

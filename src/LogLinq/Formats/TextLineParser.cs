using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// A parser of a format whose every line is one record in fields of text (ELB, HAProxy, S3, Squid):
/// the line's noise (a byte order mark, a copy-truncate's zeros) and trailing blanks are taken off,
/// and a blank line skipped, before the format sees the text. The format copies the text a record
/// keeps into a <see cref="FieldText"/> this parser keeps from line to line, and a scan reads the
/// fields as ranges into it (<see cref="ParseFields"/>), as it reads an NCSA line.
/// </summary>
internal abstract class TextLineParser : LineParser
{
    private byte[] _text = new byte[256];

    public sealed override bool HasFields => true;

    public sealed override LineResult Parse(in LogLine line, out LogRecord? record, out string? error) =>
        RecordFromFields(line, out record, out error);

    public sealed override LineResult ParseFields(in LogLine line, ref CommonLogFields fields, out ArraySegment<byte> text, out string? error)
    {
        text = default;
        ReadOnlySpan<byte> bytes = line.Bytes.Span[LineNoise.Length(line.Bytes.Span, line.Number == 1)..].TrimEnd(" \t"u8);
        if (IsBlank(bytes))
        {
            error = null;
            return LineResult.Skipped;
        }

        var values = new FieldText(_text);
        LineResult result = Parse(bytes, ref values, ref fields, out error);
        _text = values.Buffer;
        text = new ArraySegment<byte>(_text, 0, values.Length);
        return result;
    }

    /// <summary>
    /// Parses <paramref name="line"/>'s text, which is not blank, into <paramref name="fields"/>, the
    /// text they keep copied into <paramref name="values"/>.
    /// </summary>
    protected abstract LineResult Parse(ReadOnlySpan<byte> line, ref FieldText values, ref CommonLogFields fields, out string? error);
}

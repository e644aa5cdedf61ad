using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// A parser of a format whose values a record keeps are copied out of the line (JSON lines, logfmt,
/// W3C, ELB, HAProxy, S3, Squid) into a <see cref="FieldText"/> it keeps from line to line: a scan
/// reads the fields as ranges into it (<see cref="LineParser.ParseFields"/>), as it reads an NCSA
/// line, and a record is made over a copy of that text.
/// </summary>
internal abstract class CopyingLineParser : LineParser
{
    private byte[] _text = new byte[256];

    public sealed override bool HasFields => true;

    public sealed override LineResult Parse(in LogLine line, out LogRecord? record, out string? error)
    {
        CommonLogFields fields = default;
        LineResult result = ParseFields(line, ref fields, out ArraySegment<byte> text, out error);
        record = result == LineResult.Record ? new LogRecord(text.ToArray(), fields, line.File, line.Number) : null;
        return result;
    }

    /// <summary>Where the next line's text goes: the buffer the line before left.</summary>
    protected FieldText StartLine() => new(_text);

    /// <summary>Keeps <paramref name="values"/>' buffer for the next line; returns the line's text in it.</summary>
    protected ArraySegment<byte> EndLine(in FieldText values)
    {
        _text = values.Buffer;
        return new ArraySegment<byte>(_text, 0, values.Length);
    }
}

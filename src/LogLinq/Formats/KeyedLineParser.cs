using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// A parser of lines that name each value (JSON lines, logfmt): the format's own reading puts the
/// values into <see cref="KeyedFields"/>, which copies them into a buffer this parser keeps from line
/// to line, and a scan reads the fields as ranges into it (<see cref="ParseFields"/>).
/// </summary>
internal abstract class KeyedLineParser : LineParser
{
    private byte[] _text = new byte[256];

    public sealed override bool HasFields => true;

    public sealed override LineResult Parse(in LogLine line, out LogRecord? record, out string? error) =>
        RecordFromFields(line, out record, out error);

    public sealed override LineResult ParseFields(in LogLine line, ref CommonLogFields fields, out ArraySegment<byte> text, out string? error)
    {
        var found = new KeyedFields(_text);
        LineResult result = Read(line, ref found, out error);
        int length = 0;
        if (result == LineResult.Record)
        {
            result = found.ToFields(ref fields, out length, out error);
        }

        _text = found.Text;
        text = new ArraySegment<byte>(_text, 0, length);
        return result;
    }

    /// <summary>
    /// Reads the line's values into <paramref name="found"/>: <see cref="LineResult.Record"/> when the
    /// line is of the format (whether it has all a record needs is <paramref name="found"/>'s to say),
    /// <see cref="LineResult.Skipped"/> for a blank one, <see cref="LineResult.Malformed"/> with the reason.
    /// </summary>
    protected abstract LineResult Read(in LogLine line, ref KeyedFields found, out string? error);
}

using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// A parser of lines that name each value (JSON lines, logfmt): the format's own reading puts the
/// values into <see cref="KeyedFields"/>, which copies them into the parser's text and holds the
/// rules for keys that name the same field.
/// </summary>
internal abstract class KeyedLineParser : CopyingLineParser
{
    public sealed override LineResult ParseFields(in LogLine line, ref CommonLogFields fields, out ArraySegment<byte> text, out string? error)
    {
        var found = new KeyedFields(StartLine());
        LineResult result = Read(line, ref found, out error);
        if (result == LineResult.Record)
        {
            result = found.ToFields(ref fields, out error);
        }

        text = EndLine(found.Text);
        return result;
    }

    /// <summary>
    /// Reads the line's values into <paramref name="found"/>: <see cref="LineResult.Record"/> when the
    /// line is of the format (whether it has all a record needs is <paramref name="found"/>'s to say),
    /// <see cref="LineResult.Skipped"/> for a blank one, <see cref="LineResult.Malformed"/> with the reason.
    /// </summary>
    protected abstract LineResult Read(in LogLine line, ref KeyedFields found, out string? error);
}

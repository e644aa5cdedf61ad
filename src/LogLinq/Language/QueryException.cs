using System.Globalization;
using System.Text;
using LogLinq.Language.Syntax;

namespace LogLinq.Language;

/// <summary>
/// A mistake in a query: a syntax error, an unknown name, a type error or a missing parameter value.
/// Thrown before any log file is read. When the mistake is at one place in the text,
/// <see cref="Line"/> and <see cref="Column"/> say where, and <see cref="Describe"/> shows it.
/// </summary>
public sealed class QueryException : Exception
{
    /// <summary>A mistake that is not at one place in the query text.</summary>
    public QueryException(string message)
        : base(message)
    {
    }

    internal QueryException(string message, SourceSpan span, string queryText)
        : base(message)
    {
        Line = span.Line;
        Column = span.Column;
        Offset = span.Offset;
        QueryText = queryText;
    }

    /// <summary>The 1-based line of the mistake; 0 when it is not at one place.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the mistake; 0 when it is not at one place.</summary>
    public int Column { get; }

    /// <summary>The 0-based index of the mistake in <see cref="QueryText"/>.</summary>
    public int Offset { get; }

    /// <summary>The query the mistake is in; null when it is not at one place.</summary>
    public string? QueryText { get; }

    /// <summary>
    /// The mistake as a person reads it: <c>line:column: message</c>, then the line of the query with
    /// a caret under the spot.
    /// </summary>
    /// <param name="origin">Where the query came from, such as a file name, put before the position; null for none.</param>
    public string Describe(string? origin = null)
    {
        if (QueryText is null)
        {
            return origin is null ? Message : $"{origin}: {Message}";
        }

        var text = new StringBuilder();
        text.Append(origin is null ? "" : origin + ":").Append(Line).Append(':').Append(Column).Append(": ").Append(Message).Append('\n');
        int start = QueryText.LastIndexOf('\n', Math.Max(0, Math.Min(Offset, QueryText.Length) - 1)) + 1;
        if (Offset == 0)
        {
            start = 0;
        }

        int end = QueryText.IndexOf('\n', start);
        string line = (end < 0 ? QueryText[start..] : QueryText[start..end]).TrimEnd('\r');
        text.Append("  ").Append(line).Append('\n').Append("  ");

        // Tabs are kept so the caret lines up whatever the terminal's tab width; a character a
        // terminal draws two columns wide (CJK, most emoji) takes two spaces, a combining one none.
        foreach (Rune rune in line.AsSpan(0, Math.Min(line.Length, Offset - start)).EnumerateRunes())
        {
            text.Append(rune.Value == '\t' ? "\t" : Columns(rune) switch { 0 => "", 2 => "  ", _ => " " });
        }

        return text.Append('^').ToString();
    }

    // How many columns a terminal gives the character: the East Asian wide and full-width ranges of
    // Unicode's EastAsianWidth.txt (what wcwidth() reads) and the emoji pictographs are two.
    private static int Columns(Rune rune)
    {
        UnicodeCategory category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }

        int c = rune.Value;
        bool wide = c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF)
            or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF)
            or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F)
            or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x1F300 and <= 0x1F64F) or (>= 0x1F680 and <= 0x1F6FF)
            or (>= 0x1F900 and <= 0x1F9FF) or (>= 0x1FA70 and <= 0x1FAFF) or (>= 0x20000 and <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}

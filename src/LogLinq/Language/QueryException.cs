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

        // Tabs are kept so the caret lines up whatever the terminal's tab width.
        foreach (char c in line.AsSpan(0, Math.Min(line.Length, Offset - start)))
        {
            text.Append(c == '\t' ? '\t' : ' ');
        }

        return text.Append('^').ToString();
    }
}

using LogLinq.Language.Syntax;
using Sprache;

namespace LogLinq.Language;

/// <summary>Runs the <see cref="QueryGrammar"/> and turns a failure into a <see cref="QueryException"/> in words.</summary>
internal static class QueryParser
{
    /// <summary>The syntax tree of <paramref name="text"/>.</summary>
    /// <exception cref="QueryException">The text is not a query; the exception says where and what was expected.</exception>
    public static QuerySyntax Parse(string text)
    {
        IResult<QuerySyntax> result = QueryGrammar.Query.TryParse(text);
        if (result.WasSuccessful)
        {
            return result.Value;
        }

        IInput at = result.Remainder;
        var span = new SourceSpan(at.Position, 0, at.Line, at.Column);
        if (at.AtEnd)
        {
            // Point just after the last thing written, not at the blank line a file ends with.
            span = SourceSpan.At(text, text.TrimEnd().Length);
        }

        throw new QueryException(Explain(result.Message, result.Expectations, at), span, text);
    }

    /// <summary>"expected a, b or c, found d", with a message of the grammar's own before it.</summary>
    private static string Explain(string message, IEnumerable<string> expectations, IInput at)
    {
        string explained = Expected(message, [.. expectations.Distinct()], at);
        return ForeignSyntax.Hint(at.Source, at.Position) is { } hint ? $"{explained}; {hint}" : explained;
    }

    private static string Expected(string message, string[] expected, IInput at)
    {
        string said = IsSpracheWording(message) ? "" : message;
        if (said.Length > 0)
        {
            // The grammar's own message names what it found.
            return expected.Length == 0 ? $"syntax error: {message}" : $"syntax error: {message}; expected {Words.Either(expected)}";
        }

        string found = Found(at);
        return expected.Length == 0
            ? $"syntax error: unexpected {found}"
            : $"syntax error: expected {Words.Either(expected)}, found {found}";
    }

    /// <summary>Sprache's own messages repeat what the expectations and the position already say.</summary>
    private static bool IsSpracheWording(string message) =>
        message.StartsWith("unexpected", StringComparison.OrdinalIgnoreCase)
        || message.Contains("expected", StringComparison.OrdinalIgnoreCase)
        || message.StartsWith("Unexpected", StringComparison.Ordinal);

    /// <summary>What is at the error: a word, a number, a character, or the end of a line or of the query.</summary>
    private static string Found(IInput at)
    {
        if (at.AtEnd)
        {
            return "the end of the query";
        }

        string source = at.Source;
        int start = at.Position;
        char first = source[start];
        if (first is '\n' or '\r')
        {
            return "the end of the line";
        }

        int end = start + 1;
        if (char.IsAsciiLetterOrDigit(first) || first == '_')
        {
            while (end < source.Length && (char.IsAsciiLetterOrDigit(source[end]) || source[end] is '_' or '.'))
            {
                end++;
            }
        }

        return $"'{source[start..end]}'";
    }
}

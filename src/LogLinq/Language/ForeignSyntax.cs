namespace LogLinq.Language;

/// <summary>
/// What a query language the user already knows (SQL, KQL, Splunk, C#, awk) writes where this one
/// writes something else: a hint added to a syntax error at such a word or symbol, so that
/// <c>where status = 404 &amp;&amp; bytes &gt; 0</c> says to write <c>==</c> and <c>and</c>
/// rather than only what was expected.
/// </summary>
internal static class ForeignSyntax
{
    // Stage words of other languages, and the stage this one has for them.
    private static readonly Dictionary<string, string> ForeignWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["order"] = "write 'sort by' to order rows",
        ["orderby"] = "write 'sort by' to order rows",
        ["limit"] = "write 'take N' for the first N rows",
        ["head"] = "write 'take N' for the first N rows",
        ["project"] = "write 'select' to pick columns",
        ["fields"] = "write 'select' to pick columns",
        ["table"] = "write 'select' to pick columns",
        ["extend"] = "write 'select' with 'as' to add a column: select host, bytes * 8 as bits",
        ["filter"] = "write 'where' to keep the rows a condition holds for",
        ["search"] = "write 'where' to keep the rows a condition holds for",
        ["group"] = "write 'summarize ... by' to group rows",
        ["groupby"] = "write 'summarize ... by' to group rows",
        ["stats"] = "write 'summarize ... by' to group rows",
        ["having"] = "write a 'where' stage after the summarize to filter its rows",
        ["dedup"] = "write 'distinct' for unique rows",
        ["uniq"] = "write 'distinct' for unique rows",
        ["like"] = "compare text with startswith, endswith, contains or matches (a regular expression)",
        ["ilike"] = "compare text with startswith, endswith, contains or matches (a regular expression)",
    };

    /// <summary>A hint for the error at <paramref name="position"/> of <paramref name="source"/>, or null when there is none to give.</summary>
    public static string? Hint(string source, int position)
    {
        if (position >= source.Length)
        {
            return null;
        }

        ReadOnlySpan<char> rest = source.AsSpan(position);
        char before = position > 0 ? source[position - 1] : '\0';
        switch (rest)
        {
            case ['&', '&', ..]:
                return "write 'and' for '&&'";
            case ['|', '|', ..]:
            case ['|', ..] when before == '|':
                return "write 'or' for '||'";
            case ['!', not '=', ..] or ['!']:
                return "write 'not' for '!'";
            case ['>', ..] when before == '<':
                return "write '!=' for '<>'";
            case ['=', not '=', ..] or ['=']:
                return ColumnNamedBefore(source, position) is { } name
                    ? NameWithAs(name)
                    : "write '==' to compare";
            case ['*', ..] when source.AsSpan(0, position).TrimEnd().EndsWith("count(", StringComparison.OrdinalIgnoreCase):
                return "write count() to count rows";
        }

        string word = WordAt(rest);
        if (word.Length == 0)
        {
            return null;
        }

        if (FollowedBySingleEquals(rest[word.Length..]))
        {
            return NameWithAs(word);
        }

        if (ForeignWords.GetValueOrDefault(word) is { } instead)
        {
            return instead;
        }

        // A slip in a stage's name: "summarise", "slect".
        bool startsStage = source.AsSpan(0, position).TrimEnd() is [.., '|'];
        return startsStage && NameSuggestion.Nearest(word, QueryGrammar.StageKeywords) is { } stage ? $"did you mean '{stage}'?" : null;
    }

    private static string NameWithAs(string name) => $"name a column with 'as' after it: ... as {name}";

    /// <summary>The bare name that starts a column before the '=' at <paramref name="position"/> (<c>select n = ...</c>, <c>, n = ...</c>), or null.</summary>
    private static string? ColumnNamedBefore(string source, int position)
    {
        ReadOnlySpan<char> before = source.AsSpan(0, position).TrimEnd();
        int start = before.Length;
        while (start > 0 && (char.IsAsciiLetterOrDigit(before[start - 1]) || before[start - 1] == '_'))
        {
            start--;
        }

        if (start == before.Length)
        {
            return null;
        }

        ReadOnlySpan<char> preceding = before[..start].TrimEnd();
        bool startsColumn = preceding.EndsWith(",", StringComparison.Ordinal)
            || EndsWithWord(preceding, "select")
            || EndsWithWord(preceding, "summarize")
            || EndsWithWord(preceding, "by");
        return startsColumn ? before[start..].ToString() : null;
    }

    private static bool EndsWithWord(ReadOnlySpan<char> text, string word) =>
        text.EndsWith(word, StringComparison.OrdinalIgnoreCase)
        && (text.Length == word.Length || !char.IsAsciiLetterOrDigit(text[^(word.Length + 1)]));

    private static bool FollowedBySingleEquals(ReadOnlySpan<char> text)
    {
        text = text.TrimStart(" \t");
        return text is ['=', not '=', ..] or ['='];
    }

    private static string WordAt(ReadOnlySpan<char> text)
    {
        int end = 0;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return end > 0 && char.IsAsciiLetter(text[0]) ? text[..end].ToString() : "";
    }
}

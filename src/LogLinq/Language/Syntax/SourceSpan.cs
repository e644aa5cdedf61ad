namespace LogLinq.Language.Syntax;

/// <summary>Where a piece of syntax is in the query text, for error messages.</summary>
/// <param name="Offset">The 0-based index of its first character.</param>
/// <param name="Length">How many characters it covers (trailing blanks and comments included).</param>
/// <param name="Line">The 1-based line of its first character.</param>
/// <param name="Column">The 1-based column of its first character.</param>
internal readonly record struct SourceSpan(int Offset, int Length, int Line, int Column)
{
    /// <summary>An empty span at <paramref name="offset"/> in <paramref name="text"/>, its line and column counted.</summary>
    public static SourceSpan At(string text, int offset)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourceSpan(offset, 0, line, offset - lineStart + 1);
    }

    /// <summary>The span from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static SourceSpan Cover(SourceSpan first, SourceSpan last) =>
        first with { Length = Math.Max(first.Length, last.Offset + last.Length - first.Offset) };
}

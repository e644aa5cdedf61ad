namespace LogLinq.Language.Syntax;

/// <summary>
/// <c>apache("%h %l ...")</c> or <c>nginx('$remote_addr ...')</c> after <c>as</c>: a server's own log
/// format, as its configuration writes it, in one string or in several side by side
/// (<c>nginx('$remote_addr - ' '[$time_local] ...')</c>), joined as nginx joins the pieces of its
/// <c>log_format</c>. Each string keeps where it was written, so a mistake in the format is pointed
/// at inside the string it is in.
/// </summary>
/// <param name="Server">The server whose format language it is: <c>apache</c> or <c>nginx</c>.</param>
/// <param name="Pieces">The strings, each its escapes read, and where each was written.</param>
internal sealed record FormatDirectiveSyntax(string Server, IReadOnlyList<(string Value, SourceSpan Span)> Pieces) : SyntaxNode
{
    /// <summary>The format: the strings joined, nothing between them.</summary>
    public string Directive { get; } = string.Concat(Pieces.Select(piece => piece.Value));

    /// <summary>
    /// Where the character at <paramref name="index"/> of <see cref="Directive"/> was written in
    /// <paramref name="text"/>, the query: in the string that holds it, each escape before it counted
    /// as written. The end of the format is the end of the last string's text.
    /// </summary>
    public int OffsetOf(string text, int index)
    {
        int start = 0;
        for (int i = 0; i < Pieces.Count; i++)
        {
            int length = Pieces[i].Value.Length;

            // A character at a piece's end is the first of the next piece's text, unless no piece follows.
            if (index < start + length || i == Pieces.Count - 1)
            {
                return Lexemes.OffsetInString(text, Pieces[i].Span.Offset, index - start);
            }

            start += length;
        }

        return Pieces.Count > 0 ? Pieces[0].Span.Offset : 0;
    }
}

using System.Text;

namespace LogLinq.Formats;

/// <summary>
/// nginx's format given as its configuration writes it: a whole <c>log_format</c> directive pasted
/// from nginx.conf (<c>log_format main '$remote_addr - $remote_user ' '[$time_local] "$request" ...';</c>),
/// or its quoted pieces alone (<c>'$remote_addr - ' '[$time_local] ...'</c>). nginx joins the pieces
/// with nothing between them, and so does this. What is inside each quote is kept as written, its
/// escapes (<c>\'</c>, <c>\"</c>, <c>\\</c>, ...) left for <see cref="NginxDirectives"/> to read, as
/// they are in a format given bare: so a piece reads as the same text would without its quotes.
/// </summary>
internal sealed class NginxConfigText
{
    private const string Keyword = "log_format";

    // Where each piece's text starts in Format, and where in the text given: to point a mistake found
    // in the joined format at where it was written.
    private readonly List<(int InFormat, int InText)> _starts;

    private NginxConfigText(string format, List<(int InFormat, int InText)> starts, bool isDirective)
    {
        Format = format;
        _starts = starts;
        IsDirective = isDirective;
    }

    /// <summary>The pieces' texts joined: the format, as nginx reads it, its escapes not yet read.</summary>
    public string Format { get; }

    /// <summary>Whether the text was a whole <c>log_format</c> directive, rather than its pieces alone.</summary>
    public bool IsDirective { get; }

    /// <summary>
    /// The layout of <paramref name="text"/>: a <c>log_format</c> directive's format; a text that is only
    /// quoted pieces (each <c>'...'</c> or <c>"..."</c>, blanks between, an optional <c>;</c> after),
    /// those pieces joined; any other text as it stands. Where the pieces joined cannot be read but the
    /// text as it stands can, it is read as it stands: a format whose fields are each in quotes,
    /// <c>"$time_iso8601" "$request"</c>, is not nginx's pieces, which would join the two variables.
    /// </summary>
    /// <exception cref="FormatDirectiveException">
    /// A mistake in the directive (no name, an <c>escape=</c> nginx does not have, a quote not closed,
    /// text after its <c>;</c>) or in its format, at its position in <paramref name="text"/>.
    /// </exception>
    public static DirectiveLayout Layout(string text)
    {
        NginxConfigText? config = Read(text);
        if (config is null)
        {
            return DirectiveLayout.Create(NginxDirectives.Read(text));
        }

        try
        {
            return DirectiveLayout.Create(NginxDirectives.Read(config.Format));
        }
        catch (FormatDirectiveException e)
        {
            if (!config.IsDirective && AsItStands(text) is { } layout)
            {
                return layout;
            }

            throw new FormatDirectiveException(e.Reason, config.PositionInText(e.Position));
        }
    }

    /// <summary>
    /// The pieces of <paramref name="text"/>; null where it is neither a <c>log_format</c> directive nor
    /// only quoted pieces, a format to be read as it stands.
    /// </summary>
    /// <exception cref="FormatDirectiveException">A directive that cannot be read.</exception>
    private static NginxConfigText? Read(string text)
    {
        int i = Blanks(text, 0);
        bool directive = StartsWithKeyword(text, i);
        if (directive)
        {
            i = AfterNameAndParameters(text, Blanks(text, i + Keyword.Length));
        }
        else if (i == text.Length || !IsQuote(text[i]))
        {
            return null;
        }

        var joined = new StringBuilder();
        var starts = new List<(int InFormat, int InText)>();
        while (true)
        {
            char quote = text[i];
            int open = i;
            i++;
            while (i < text.Length && text[i] != quote)
            {
                // A backslash escapes what follows it, a quote too, as nginx reads its configuration.
                i += text[i] == '\\' ? 2 : 1;
            }

            if (i >= text.Length)
            {
                return directive ? throw new FormatDirectiveException($"the {quote} that opens this piece of the format is not closed", open) : null;
            }

            starts.Add((joined.Length, open + 1));
            joined.Append(text, open + 1, i - open - 1);
            i = Blanks(text, i + 1);
            if (i == text.Length)
            {
                break;
            }

            if (text[i] == ';')
            {
                int after = Blanks(text, i + 1);
                if (after == text.Length)
                {
                    break;
                }

                return directive
                    ? throw new FormatDirectiveException($"the ; ends the log_format, but {ErrorText.Quote(text[after..])} follows it", after)
                    : null;
            }

            if (!IsQuote(text[i]))
            {
                return directive
                    ? throw new FormatDirectiveException($"expected another piece of the format in quotes, or the ; that ends it, found {ErrorText.Quote(text[i..])}", i)
                    : null;
            }
        }

        return new NginxConfigText(joined.ToString(), starts, directive);
    }

    /// <summary>
    /// Past <c>NAME [escape=default|json|none]</c>, which <paramref name="i"/> is at, to the quote of the
    /// format's first piece.
    /// </summary>
    private static int AfterNameAndParameters(string text, int i)
    {
        int name = i;
        i = WordEnd(text, i);
        if (i == name)
        {
            throw new FormatDirectiveException("log_format needs a name before its format, as log_format main '...'", name);
        }

        string nameText = text[name..i];
        i = Blanks(text, i);
        int word = i;
        int wordEnd = WordEnd(text, i);
        if (text.AsSpan(word, wordEnd - word).StartsWith("escape=", StringComparison.Ordinal))
        {
            // nginx's escapes differ in how a quote in a value is written (\x22 or \"), and the line
            // parser keeps values as written and ends a quoted field at a quote without a backslash,
            // which reads either: the parameter is checked, and changes nothing.
            string escape = text[(word + "escape=".Length)..wordEnd];
            if (escape is not ("default" or "json" or "none"))
            {
                throw new FormatDirectiveException($"escape={escape} is not nginx's: it has escape=default, escape=json and escape=none", word);
            }

            i = Blanks(text, wordEnd);
        }

        if (i == text.Length || !IsQuote(text[i]))
        {
            string found = i == text.Length ? "the end" : ErrorText.Quote(text[i..]);
            throw new FormatDirectiveException($"expected the format in quotes after log_format {nameText}, found {found}", i);
        }

        return i;
    }

    /// <summary>Whether <paramref name="text"/> has the <c>log_format</c> keyword at <paramref name="i"/>, a word of its own.</summary>
    private static bool StartsWithKeyword(string text, int i) =>
        text.AsSpan(i).StartsWith(Keyword, StringComparison.Ordinal)
        && (i + Keyword.Length == text.Length || char.IsWhiteSpace(text[i + Keyword.Length]));

    /// <summary>The layout of <paramref name="text"/> as it stands; null where it cannot be read so.</summary>
    private static DirectiveLayout? AsItStands(string text)
    {
        try
        {
            return DirectiveLayout.Create(NginxDirectives.Read(text));
        }
        catch (FormatDirectiveException)
        {
            return null;
        }
    }

    /// <summary>Where a position in <see cref="Format"/> was written in the text given.</summary>
    private int PositionInText(int position)
    {
        (int inFormat, int inText) = _starts[0];
        foreach ((int InFormat, int InText) start in _starts)
        {
            // A position at the start of a piece is that piece's, not the end of the one before.
            if (start.InFormat <= position)
            {
                (inFormat, inText) = start;
            }
        }

        return inText + position - inFormat;
    }

    private static int Blanks(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    // A word of the directive (its name, a parameter) ends at a blank, a quote or the ';'.
    private static int WordEnd(string text, int i)
    {
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && !IsQuote(text[i]) && text[i] != ';')
        {
            i++;
        }

        return i;
    }

    private static bool IsQuote(char c) => c is '\'' or '"';
}

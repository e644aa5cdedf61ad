using System.Globalization;
using System.Text;
using Sprache;

namespace LogLinq.Language;

/// <summary>
/// The words and symbols of the query language. Every lexeme is atomic (it matches whole or consumes
/// nothing) and swallows the blanks and <c>#</c> comments after it, so the grammar never mentions them.
/// Keywords are case-insensitive; names are not.
/// </summary>
internal static class Lexemes
{
    /// <summary>The words that cannot name a field or a column: they are operators inside expressions.</summary>
    public static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "in", "contains", "startswith", "endswith", "matches",
        "null", "true", "false", "as", "by", "asc", "desc",
    };

    // trivia     = blank | "#" { any character but a line break }
    private static readonly Parser<char> Comment =
        from hash in Parse.Char('#')
        from text in Parse.CharExcept('\n').Many()
        select hash;

    /// <summary>Blanks and comments: what may stand between any two lexemes.</summary>
    public static readonly Parser<IEnumerable<char>> Trivia = Parse.WhiteSpace.Or(Comment).Many();

    private static readonly Parser<char> NameStart = Parse.Char(c => char.IsAsciiLetter(c) || c == '_', "a letter");
    private static readonly Parser<char> NameChar = Parse.Char(c => char.IsAsciiLetterOrDigit(c) || c == '_', "a letter or digit");

    // name       = letter { letter | digit | "_" }, not a reserved word
    public static readonly Parser<string> Name =
        (from first in NameStart
         from rest in NameChar.Many().Text()
         select first + rest)
        .Where(name => !Reserved.Contains(name))
        .Atomic().Named("a name").Lexeme();

    // percentile = "p" digit { digit }                 p50, p95, p99: an aggregate, the percentile of that rank
    public static readonly Parser<string> Percentile =
        (from p in Parse.IgnoreCase('p')
         from digits in Parse.Digit.AtLeastOnce().Text()
         from end in Parse.Not(NameChar)
         select "p" + digits)
        .Atomic().Named("a percentile, as p95").Lexeme();

    // parameter  = "$" name
    public static readonly Parser<string> Parameter =
        (from dollar in Parse.Char('$')
         from first in NameStart
         from rest in NameChar.Many().Text()
         select first + rest)
        .Atomic().Named("a parameter ($name)").Lexeme();

    private static readonly Parser<string> UnicodeEscape =
        from u in Parse.Char('u')
        from hex in Parse.Chars("0123456789abcdefABCDEF").Repeat(4).Text().Named("four hex digits")
        select ((char)int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString();

    // escape     = "\" ( "\" | '"' | "'" | "n" | "r" | "t" | "u" hex hex hex hex | any other character, kept with its "\" )
    private static readonly Parser<string> Escape =
        from backslash in Parse.Char('\\')
        from escaped in UnicodeEscape.Or(Parse.AnyChar.Select(Unescape))
        select escaped;

    // string     = '"' { char | escape } '"' | "'" { char | escape } "'"
    public static readonly Parser<string> String = Quoted('"').Or(Quoted('\'')).Named("a string").Lexeme();

    /// <summary>A keyword, in any case, not followed by a letter or digit (<c>as</c> is not the start of <c>asc</c>).</summary>
    public static Parser<string> Keyword(string word) =>
        (from text in Parse.IgnoreCase(word)
         from end in Parse.Not(NameChar)
         select word)
        .Atomic().Named($"'{word}'").Lexeme();

    /// <summary>One of <paramref name="words"/> as a keyword, lower case.</summary>
    public static Parser<string> OneOf(string expected, params string[] words) =>
        words.Select(Keyword).Aggregate((a, b) => a.Or(b)).Named(expected);

    /// <summary>A punctuation symbol.</summary>
    public static Parser<string> Symbol(string text) =>
        Parse.String(text).Text().Atomic().Named($"'{text}'").Lexeme();

    /// <summary><paramref name="parser"/>, then any blanks and comments after it.</summary>
    public static Parser<T> Lexeme<T>(this Parser<T> parser) =>
        from value in parser
        from trivia in Trivia
        select value;

    /// <summary>
    /// Where the character at <paramref name="index"/> of a string's value was written in
    /// <paramref name="text"/>, the string's opening quote at <paramref name="start"/>: each escape
    /// read as <see cref="Escape"/> reads it, so that a caret under a mistake inside a string lands on it.
    /// </summary>
    public static int OffsetInString(string text, int start, int index)
    {
        int at = start + 1;
        for (int read = 0; read < index && at < text.Length; read++)
        {
            if (text[at] != '\\' || at + 1 >= text.Length)
            {
                at++;
            }
            else if (text[at + 1] == 'u' && at + 5 < text.Length && !text.AsSpan(at + 2, 4).ContainsAnyExcept(HexDigits))
            {
                at += 6;
            }
            else if (Unescape(text[at + 1]).Length == 1)
            {
                at += 2;
            }
            else
            {
                // An unknown escape is kept whole: two characters of the value.
                at += read + 1 < index ? 2 : 1;
                read++;
            }
        }

        return Math.Min(at, text.Length);
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static Parser<string> Quoted(char quote) =>
        from open in Parse.Char(quote)
        from chars in Escape.Or(Parse.Char(c => c != quote && c != '\\' && c != '\n', "a character").Select(c => c.ToString())).Many()
        from close in Parse.Char(quote).Named($"a closing {quote}")
        select string.Concat(chars);

    /// <summary>
    /// The character an escape stands for. An unknown escape keeps its backslash, so a regular
    /// expression such as "\d+\.gz" can be written as it is.
    /// </summary>
    private static string Unescape(char c) => c switch
    {
        'n' => "\n",
        'r' => "\r",
        't' => "\t",
        '\\' or '"' or '\'' => c.ToString(),
        _ => new StringBuilder(2).Append('\\').Append(c).ToString(),
    };
}

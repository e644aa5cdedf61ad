using System.Globalization;
using System.Text;

namespace LogLinq.Cli.Terminal;

/// <summary>
/// Text from the logs made safe to show to a person. A log's fields are whatever a client sent (a
/// JSON log decodes <c>\u001b</c> into a real escape), and a terminal obeys control characters: an
/// escape sequence in a user agent can set the window's title or the colours, a carriage return or
/// a line break can forge or split a row. So the control characters (C0, DEL and C1) are written as
/// visible escapes: <c>\t</c>, <c>\n</c> and <c>\r</c> as TSV writes them, <c>\e</c> for escape as
/// shells do, any other as <c>\xHH</c> (C0 and DEL) or <c>\uHHHH</c> (C1, and Unicode's
/// bidirectional controls, which reorder the text after them). A backslash stays as it
/// is: what is shown is read, not parsed back (CSV, TSV and JSON keep the exact text).
/// </summary>
internal static class VisibleText
{
    /// <summary><paramref name="text"/> on one line with every control character escaped: a table's cell, a message's line.</summary>
    public static string Of(string text) => Escape(text, keepLayout: false);

    /// <summary>
    /// <paramref name="text"/> with its control characters escaped but for line breaks and tabs, which
    /// lay out a whole value shown on lines of its own (a string the REPL prints).
    /// </summary>
    public static string KeepingLines(string text) => Escape(text, keepLayout: true);

    // C0, DEL and C1, and Unicode's bidirectional controls, which reorder what a terminal shows after
    // them (a user agent that reads backwards, a path that looks like another). A test of a few
    // compares rather than a SearchValues: a table's first cell would otherwise build one at start.
    private static bool IsEscaped(char c, bool keepLayout) =>
        c < '\u00a0'
            ? char.IsControl(c) && !(keepLayout && c is '\n' or '\t')
            : c is '\u061c' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');

    private static string Escape(string text, bool keepLayout)
    {
        int first = 0;
        while (first < text.Length && !IsEscaped(text[first], keepLayout))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var visible = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (char c in text.AsSpan(first))
        {
            if (!IsEscaped(c, keepLayout))
            {
                visible.Append(c);
                continue;
            }

            _ = c switch
            {
                '\t' => visible.Append("\\t"),
                '\n' => visible.Append("\\n"),
                '\r' => visible.Append("\\r"),
                '\u001b' => visible.Append("\\e"),
                < '\u0080' => visible.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => visible.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
            };
        }

        return visible.ToString();
    }
}

using System.Text;
using LogLinq.Cli.Terminal;
using LogLinq.Language;

namespace LogLinq.Cli.Query;

/// <summary>
/// Writes a result as tab-separated values: a header row, then one line per row. A tab, newline,
/// carriage return or backslash in a value is written \t, \n, \r or \\, so every row stays one line.
/// </summary>
internal static class TsvResultWriter
{
    /// <summary>Writes <paramref name="columns"/> and <paramref name="rows"/> to <paramref name="output"/>.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="columns">The header.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="visible">
    /// Whether a person reads it on a terminal: a text cell's other control characters (an escape
    /// sequence) are then escaped too (<see cref="VisibleText"/>), as a table's are; a file or a pipe
    /// gets the exact text.
    /// </param>
    public static void Write(TextWriter output, IReadOnlyList<QueryColumn> columns, IEnumerable<object?[]> rows, bool visible = false)
    {
        output.WriteLine(string.Join('\t', columns.Select(c => Escape(c.Name))));

        // Numbers and times are written from a buffer, not made strings first: an export has millions.
        Span<char> buffer = stackalloc char[64];
        foreach (object?[] row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    output.Write('\t');
                }

                if (!CellText.TryWrite(output, row[i], buffer, "\t\n\r\\"))
                {
                    // TSV's own escapes first: VisibleText leaves the backslashes they make alone.
                    string text = Escape(CellText.Of(row[i]));
                    output.Write(visible ? VisibleText.Of(text) : text);
                }
            }

            output.WriteLine();
        }
    }

    private static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("\t\n\r\\") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                '\\' => "\\\\",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}

using System.Text;
using LogLinq.Language;

namespace LogLinq.Cli.Query;

/// <summary>
/// Writes a result as tab-separated values: a header row, then one line per row. A tab, newline,
/// carriage return or backslash in a value is written \t, \n, \r or \\, so every row stays one line.
/// </summary>
internal static class TsvResultWriter
{
    /// <summary>Writes <paramref name="columns"/> and <paramref name="rows"/> to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<QueryColumn> columns, IEnumerable<object?[]> rows)
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
                    output.Write(Escape(CellText.Of(row[i])));
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

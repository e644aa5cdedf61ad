using LogLinq.Cli.Terminal;
using LogLinq.Language;

namespace LogLinq.Cli.Query;

/// <summary>Writes a result as RFC 4180 CSV: a header row, then one record per row, each line ended by CRLF.</summary>
internal static class CsvResultWriter
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>Writes <paramref name="columns"/> and <paramref name="rows"/> to <paramref name="output"/>.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="columns">The header.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="visible">
    /// Whether a person reads it on a terminal: a text cell's control characters are then escaped
    /// (<see cref="VisibleText"/>), as a table's are; a file or a pipe gets the exact text.
    /// </param>
    public static void Write(TextWriter output, IReadOnlyList<QueryColumn> columns, IEnumerable<object?[]> rows, bool visible = false)
    {
        WriteRecord(output, [.. columns.Select(c => c.Name)]);

        // Numbers and times are written from a buffer, not made strings first: an export has millions.
        Span<char> buffer = stackalloc char[64];
        foreach (object?[] row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    output.Write(',');
                }

                if (!CellText.TryWrite(output, row[i], buffer, NeedsQuotes))
                {
                    string text = CellText.Of(row[i]);
                    WriteField(output, visible ? VisibleText.Of(text) : text);
                }
            }

            output.Write("\r\n");
        }
    }

    private static void WriteRecord(TextWriter output, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                output.Write(',');
            }

            WriteField(output, fields[i]);
        }

        output.Write("\r\n");
    }

    private static void WriteField(TextWriter output, string field)
    {
        if (field.IndexOfAny(NeedsQuotes) < 0)
        {
            output.Write(field);
        }
        else
        {
            output.Write('"');
            output.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
            output.Write('"');
        }
    }
}

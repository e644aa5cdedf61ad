using LogLinq.Language;

namespace LogLinq.Cli.Query;

/// <summary>Writes a result as RFC 4180 CSV: a header row, then one record per row, each line ended by CRLF.</summary>
internal static class CsvResultWriter
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>Writes <paramref name="columns"/> and <paramref name="rows"/> to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<QueryColumn> columns, IEnumerable<object?[]> rows)
    {
        WriteRecord(output, columns.Select(c => c.Name));
        foreach (object?[] row in rows)
        {
            WriteRecord(output, row.Select(CellText.Of));
        }
    }

    private static void WriteRecord(TextWriter output, IEnumerable<string> fields)
    {
        bool first = true;
        foreach (string field in fields)
        {
            if (!first)
            {
                output.Write(',');
            }

            first = false;
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

        output.Write("\r\n");
    }
}

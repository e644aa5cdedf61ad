using LogLinq.Language;

namespace LogLinq.Cli.Query;

/// <summary>
/// Writes a result as plain aligned columns, numbers to the right: readable in a pipe, a file or a
/// CI log. Column widths come from the rows given, which the caller buffers.
/// </summary>
internal static class TextTableWriter
{
    private const string Gap = "  ";

    /// <summary>Writes a header and <paramref name="rows"/>, each column as wide as its widest value.</summary>
    public static void Write(TextWriter output, IReadOnlyList<QueryColumn> columns, IReadOnlyList<object?[]> rows)
    {
        string[][] cells = [.. rows.Select(row => row.Select(CellText.ForTable).ToArray())];
        int[] widths = [.. columns.Select((c, i) => cells.Select(r => r[i].Length).Append(c.Name.Length).Max())];
        WriteLine(output, columns, widths, [.. columns.Select(c => c.Name)]);
        foreach (string[] row in cells)
        {
            WriteLine(output, columns, widths, row);
        }
    }

    private static void WriteLine(TextWriter output, IReadOnlyList<QueryColumn> columns, int[] widths, string[] cells)
    {
        var line = new System.Text.StringBuilder();
        for (int i = 0; i < cells.Length; i++)
        {
            bool last = i == cells.Length - 1;
            string cell = CellText.AlignsRight(columns[i]) ? cells[i].PadLeft(widths[i]) : last ? cells[i] : cells[i].PadRight(widths[i]);
            line.Append(cell);
            if (!last)
            {
                line.Append(Gap);
            }
        }

        output.WriteLine(line.ToString().TrimEnd());
    }
}

using System.Text;
using LogLinq.Language;

namespace LogLinq.Cli.Query;

/// <summary>
/// Writes rows as aligned text one at a time, for rows that arrive over time: a column is as wide as
/// the widest value seen so far, so alignment settles after the first few rows instead of waiting for all.
/// </summary>
internal static class LiveTableWriter
{
    private const string Gap = "  ";

    /// <summary>Writes a header, then each of <paramref name="rows"/> as it is read.</summary>
    public static void Write(TextWriter output, IReadOnlyList<QueryColumn> columns, IEnumerable<object?[]> rows)
    {
        int[] widths = [.. columns.Select(c => c.Name.Length)];
        WriteLine(output, columns, widths, [.. columns.Select(c => c.Name)]);
        foreach (object?[] row in rows)
        {
            string[] cells = [.. row.Select(CellText.ForTable)];
            for (int i = 0; i < cells.Length; i++)
            {
                widths[i] = Math.Max(widths[i], cells[i].Length);
            }

            WriteLine(output, columns, widths, cells);
        }
    }

    private static void WriteLine(TextWriter output, IReadOnlyList<QueryColumn> columns, int[] widths, string[] cells)
    {
        var line = new StringBuilder();
        for (int i = 0; i < cells.Length; i++)
        {
            bool last = i == cells.Length - 1;
            line.Append(CellText.AlignsRight(columns[i]) ? cells[i].PadLeft(widths[i]) : last ? cells[i] : cells[i].PadRight(widths[i]));
            if (!last)
            {
                line.Append(Gap);
            }
        }

        output.WriteLine(line.ToString().TrimEnd());
    }
}

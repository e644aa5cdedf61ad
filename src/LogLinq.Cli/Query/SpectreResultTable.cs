using LogLinq.Language;
using Spectre.Console;

namespace LogLinq.Cli.Query;

/// <summary>
/// Draws a result as a table on the terminal with Spectre.Console. Kept apart so that Spectre's
/// assembly is loaded only when stdout is a terminal.
/// </summary>
internal static class SpectreResultTable
{
    /// <summary>Draws <paramref name="rows"/> under <paramref name="columns"/>, numbers right-aligned.</summary>
    public static void Write(IReadOnlyList<QueryColumn> columns, IReadOnlyList<object?[]> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (QueryColumn column in columns)
        {
            var header = new TableColumn(new Text(column.Name, new Style(decoration: Decoration.Bold)));
            table.AddColumn(CellText.AlignsRight(column) ? header.RightAligned() : header);
        }

        foreach (object?[] row in rows)
        {
            table.AddRow(row.Select(value => new Text(CellText.ForTable(value))));
        }

        AnsiConsole.Console.Write(table);
    }
}

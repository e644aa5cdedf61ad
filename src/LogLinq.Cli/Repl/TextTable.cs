namespace LogLinq.Cli.Repl;

/// <summary>Rows of cells written as aligned columns of plain text, numbers to the right.</summary>
internal static class TextTable
{
    private const string Gap = "  ";

    /// <summary>Writes <paramref name="rows"/> under <paramref name="headers"/> (no header line when null).</summary>
    public static void Write(
        TextWriter output,
        IReadOnlyList<string>? headers,
        IReadOnlyList<string[]> rows,
        IReadOnlyList<bool> rightAligned,
        DisplayStyle style)
    {
        int columns = headers?.Count ?? rows.Select(row => row.Length).DefaultIfEmpty(0).Max();
        var clipped = rows.Select(row => row.Select(cell => Clip(cell, style.MaxCellWidth)).ToArray()).ToList();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++)
        {
            widths[c] = Math.Max(headers?[c].Length ?? 0, clipped.Select(row => c < row.Length ? row[c].Length : 0).DefaultIfEmpty(0).Max());
        }

        if (headers is not null)
        {
            output.WriteLine(style.Bold(Line(headers, widths, rightAligned)));
            output.WriteLine(style.Dim(string.Join(Gap, widths.Select(w => new string('-', w)))));
        }

        foreach (string[] row in clipped)
        {
            output.WriteLine(Line(row, widths, rightAligned));
        }
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths, IReadOnlyList<bool> rightAligned)
    {
        var parts = new string[widths.Length];
        for (int c = 0; c < widths.Length; c++)
        {
            string cell = c < cells.Count ? cells[c] : "";
            parts[c] = c < rightAligned.Count && rightAligned[c] ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]);
        }

        // No trailing blanks: they would only make piped output harder to compare.
        return string.Join(Gap, parts).TrimEnd();
    }

    private static string Clip(string cell, int? maxWidth) =>
        maxWidth is { } max && cell.Length > max ? string.Concat(cell.AsSpan(0, max - 1), "…") : cell;
}

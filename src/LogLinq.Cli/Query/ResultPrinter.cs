using LogLinq.Cli.Terminal;
using LogLinq.Language;

namespace LogLinq.Cli.Query;

/// <summary>Prints a <see cref="QueryResult"/> to stdout in the chosen format.</summary>
internal static class ResultPrinter
{
    /// <summary>Past this many rows a terminal gets aligned text rather than a drawn table, which would take long to lay out.</summary>
    public const int DrawnTableLimit = 1000;

    /// <summary>
    /// Runs the query by reading its rows and prints them. The first row is read before anything is
    /// written, so a query that fails at once (no file matches) prints nothing on stdout.
    /// </summary>
    /// <param name="result">The query's result, not yet read.</param>
    /// <param name="format">How to print it.</param>
    /// <param name="progress">The run's progress bar, told when output is about to start.</param>
    /// <param name="query">In JSON, the query file each row is tagged with, when several results share stdout.</param>
    public static void Print(QueryResult result, ResultFormat format, ProgressScope progress, string? query = null)
    {
        using IEnumerator<object?[]> rows = result.Rows.GetEnumerator();
        bool any = rows.MoveNext();
        IEnumerable<object?[]> all = Rest(rows, any);
        if (format != ResultFormat.Table)
        {
            progress.BeforeOutput();
        }

        switch (format)
        {
            case ResultFormat.Table when result.IsScalar:
                {
                    progress.BeforeOutput();
                    // One number needs no table: `loglinq query '... | count'` prints just it.
                    using TextWriter stdout = StandardOutput.OpenWriter();
                    stdout.WriteLine(CellText.ForTable(result.Scalar));
                    break;
                }

            case ResultFormat.Table:
                {
                    // A table is aligned over all its rows, so they are held: csv, tsv and json stream.
                    List<object?[]> buffered = [.. all];
                    progress.BeforeOutput();
                    if (StandardOutput.IsTerminal && buffered.Count <= DrawnTableLimit)
                    {
                        SpectreResultTable.Write(result.Columns, buffered);
                    }
                    else
                    {
                        using TextWriter stdout = StandardOutput.OpenWriter();
                        TextTableWriter.Write(stdout, result.Columns, buffered);
                    }

                    break;
                }

            case ResultFormat.Csv:
                {
                    using TextWriter stdout = StandardOutput.OpenWriter();
                    CsvResultWriter.Write(stdout, result.Columns, all, visible: StandardOutput.IsTerminal);
                    break;
                }

            case ResultFormat.Tsv:
                {
                    using TextWriter stdout = StandardOutput.OpenWriter();
                    TsvResultWriter.Write(stdout, result.Columns, all, visible: StandardOutput.IsTerminal);
                    break;
                }

            default:
                {
                    using Stream stdout = StandardOutput.OpenStream();
                    JsonLinesResultWriter.Write(stdout, result.Columns, all, query);
                    stdout.Flush();
                    break;
                }
        }
    }

    private static IEnumerable<object?[]> Rest(IEnumerator<object?[]> rows, bool any)
    {
        if (!any)
        {
            yield break;
        }

        do
        {
            yield return rows.Current;
        }
        while (rows.MoveNext());
    }
}

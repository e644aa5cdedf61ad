using LogLinq.Cli.Terminal;
using LogLinq.Language;

namespace LogLinq.Cli.Query;

/// <summary>
/// Prints rows that arrive over time (<c>--follow</c>): each is on stdout before the next is waited
/// for. A table cannot be aligned over rows still to come, so it is printed by <see cref="LiveTableWriter"/>.
/// </summary>
internal static class LiveResultPrinter
{
    /// <summary>Prints <paramref name="result"/>'s rows until they end.</summary>
    public static void Print(QueryResult result, ResultFormat format)
    {
        if (format == ResultFormat.Json)
        {
            // The JSON writer writes each row through to the unbuffered stdout stream.
            using Stream stream = StandardOutput.OpenStream();
            JsonLinesResultWriter.Write(stream, result.Columns, result.Rows, eachRow: true);
            return;
        }

        using TextWriter stdout = StandardOutput.OpenWriter();
        IEnumerable<object?[]> rows = FlushedBeforeEachWait(result.Rows, stdout);
        switch (format)
        {
            case ResultFormat.Csv:
                CsvResultWriter.Write(stdout, result.Columns, rows, visible: StandardOutput.IsTerminal);
                break;
            case ResultFormat.Tsv:
                TsvResultWriter.Write(stdout, result.Columns, rows, visible: StandardOutput.IsTerminal);
                break;
            default:
                LiveTableWriter.Write(stdout, result.Columns, rows);
                break;
        }
    }

    /// <summary>
    /// The rows, with <paramref name="output"/> flushed each time the next row is asked for: what has
    /// been written is out before the wait for more, which may be long.
    /// </summary>
    private static IEnumerable<object?[]> FlushedBeforeEachWait(IEnumerable<object?[]> rows, TextWriter output)
    {
        output.Flush();
        foreach (object?[] row in rows)
        {
            yield return row;
            output.Flush();
        }
    }
}

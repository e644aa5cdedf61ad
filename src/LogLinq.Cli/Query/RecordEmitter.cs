using LogLinq.Cli.Commands;
using LogLinq.Cli.Report;
using LogLinq.Cli.Terminal;
using LogLinq.Interchange;
using LogLinq.Language;
using LogLinq.Push;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Cli.Query;

/// <summary>
/// <c>loglinq query ... --emit records</c>: writes the query's records to stdout as a binary record
/// stream, for another loglinq to read with <c>from -</c>. A reader that stops early (<c>take</c>,
/// <c>head -c</c>) ends the writing quietly, and the scan with it.
/// </summary>
internal static class RecordEmitter
{
    /// <summary>Writes the records and returns the exit code.</summary>
    public static int Emit(CompiledQuery query, QueryRun run, ParseReport parseReport, ReadCounters counters)
    {
        IQueryable<LogRecord> records;
        try
        {
            records = query.Records();
        }
        catch (QueryException e)
        {
            Console.Error.WriteLine($"{LoglinqRootCommand.Name}: --emit records: {e.Describe(run.Origin)}");
            return ExitCodes.Usage;
        }

        if (StandardOutput.IsTerminal)
        {
            Console.Error.WriteLine($"{LoglinqRootCommand.Name}: --emit records writes a binary stream, not for a terminal: "
                + "pipe it into another loglinq (| loglinq query 'from - | ...') or into a file");
            return ExitCodes.Usage;
        }

        var position = new QueryProgress(query.Globs, counters);
        using (new ProgressScope(DelayedProgress.StartOnTerminal("Querying", position.TotalBytes, position.BytesDone)))
        {
            // The writer owns stdout's stream; a broken pipe makes it refuse the next record, which stops the scan.
            records.PushTo(new RecordStreamWriter(StandardOutput.OpenStream()));
        }

        return MalformedLinesNotice.Write(parseReport, LoglinqRootCommand.Name) ? ExitCodes.Failure : ExitCodes.Success;
    }
}

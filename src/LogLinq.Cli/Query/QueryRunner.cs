using LogLinq.Cli.Commands;
using LogLinq.Cli.Report;
using LogLinq.Cli.Terminal;
using LogLinq.Language;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Cli.Query;

/// <summary>Compiles a query, then explains it or runs it and prints the result: what <c>query</c> and <c>run</c> share.</summary>
internal static class QueryRunner
{
    /// <summary>The logs a query without <c>from</c> reads, relative to the current directory, as <c>report</c> does.</summary>
    public const string DefaultGlob = ReportCommand.DefaultGlob;

    /// <summary>Runs the query and returns the exit code.</summary>
    public static int Run(QueryRun run)
    {
        var parseReport = new ParseReport();
        using var interruption = new Interruption();
        var counters = new ReadCounters();
        if (Compile(run, Options(run, parseReport, counters, interruption.Token)) is not { } query)
        {
            return ExitCodes.Usage;
        }

        if (run.Explain)
        {
            using TextWriter stdout = StandardOutput.OpenWriter();
            stdout.Write(query.Explain());
            return ExitCodes.Success;
        }

        if (run.EmitRecords)
        {
            return RecordEmitter.Emit(query, run, parseReport, counters);
        }

        var position = new QueryProgress(query.Globs, counters);
        try
        {
            using var progress = new ProgressScope(DelayedProgress.StartOnTerminal("Querying", position.TotalBytes, position.BytesDone));
            ResultPrinter.Print(query.Execute(), run.Format, progress);
        }
        catch (OverflowException e) when (run.Origin is not null)
        {
            // The query's own failure: say which saved query it was.
            Console.Error.WriteLine($"{LoglinqRootCommand.Name}: {run.Origin}: {RuntimeErrors.Describe(e)}");
            return ExitCodes.Failure;
        }

        return MalformedLinesNotice.Write(parseReport, LoglinqRootCommand.Name) ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <summary>How <paramref name="run"/> is compiled and what it reads.</summary>
    public static QueryOptions Options(QueryRun run, ParseReport parseReport, ReadCounters counters, CancellationToken cancellation, bool allowUnusedParameters = false) =>
        new()
        {
            Parameters = run.Parameters,
            DefaultGlobs = [DefaultGlob],
            StandardInput = Console.OpenStandardInput,
            Globs = run.Globs.Count > 0 ? run.Globs : null,
            AllowUnusedParameters = allowUnusedParameters,
            Source = new LogSourceOptions
            {
                Strict = run.Strict,

                // A .gz cut short is named after the answer (exit 1); a record stream for another
                // loglinq must not look whole with a file's lines missing, so there it stops the run.
                SkipDamagedFiles = !run.EmitRecords,
                Report = parseReport,
                Counters = counters,
                CancellationToken = cancellation,
            },
        };

    /// <summary>The compiled query; null, with the mistake shown on stderr, when it does not compile.</summary>
    public static CompiledQuery? Compile(QueryRun run, QueryOptions options)
    {
        try
        {
            return QueryCompiler.Compile(run.Text, options);
        }
        catch (QueryException e)
        {
            Console.Error.WriteLine($"{LoglinqRootCommand.Name}: {e.Describe(run.Origin)}");
            return null;
        }
    }
}

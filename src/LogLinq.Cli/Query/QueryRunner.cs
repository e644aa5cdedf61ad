using LogLinq.Cli.Commands;
using LogLinq.Cli.Report;
using LogLinq.Cli.Terminal;
using LogLinq.Language;
using LogLinq.Query;
using LogLinq.Records;

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
        var counters = new Sources.ReadCounters();
        var options = new QueryOptions
        {
            Parameters = run.Parameters,
            DefaultGlobs = [DefaultGlob],
            Globs = run.Globs.Count > 0 ? run.Globs : null,
            Source = new LogSourceOptions
            {
                Strict = run.Strict,
                Report = parseReport,
                Counters = counters,
                CancellationToken = interruption.Token,
            },
        };

        CompiledQuery query;
        try
        {
            query = QueryCompiler.Compile(run.Text, options);
        }
        catch (QueryException e)
        {
            Console.Error.WriteLine($"{LoglinqRootCommand.Name}: {e.Describe(run.Origin)}");
            return ExitCodes.Usage;
        }

        if (run.Explain)
        {
            using TextWriter stdout = StandardOutput.OpenWriter();
            stdout.Write(query.Explain());
            return ExitCodes.Success;
        }

        var position = new QueryProgress(query.Globs, counters);
        using (var progress = new ProgressScope(DelayedProgress.StartOnTerminal("Querying", position.TotalBytes, position.BytesDone)))
        {
            ResultPrinter.Print(query.Execute(), run.Format, progress);
        }

        MalformedLinesNotice.Write(Console.Error, parseReport, LoglinqRootCommand.Name);
        return ExitCodes.Success;
    }
}

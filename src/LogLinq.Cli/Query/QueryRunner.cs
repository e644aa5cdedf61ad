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

    /// <summary>Runs <paramref name="text"/> and returns the exit code.</summary>
    /// <param name="text">The query.</param>
    /// <param name="origin">Where the query came from (a file), named in error messages; null for the command line.</param>
    /// <param name="parameters">The <c>--set</c> values.</param>
    /// <param name="format">How to print the result.</param>
    /// <param name="explain">Print how the query would run instead of running it.</param>
    /// <param name="strict">Stop at the first malformed line.</param>
    public static int Run(string text, string? origin, IReadOnlyDictionary<string, string> parameters, ResultFormat format, bool explain, bool strict)
    {
        var parseReport = new ParseReport();
        using var interruption = new Interruption();
        var counters = new Sources.ReadCounters();
        var options = new QueryOptions
        {
            Parameters = parameters,
            DefaultGlobs = [DefaultGlob],
            Source = new LogSourceOptions
            {
                Strict = strict,
                Report = parseReport,
                Counters = counters,
                CancellationToken = interruption.Token,
            },
        };

        CompiledQuery query;
        try
        {
            query = QueryCompiler.Compile(text, options);
        }
        catch (QueryException e)
        {
            Console.Error.WriteLine($"{LoglinqRootCommand.Name}: {e.Describe(origin)}");
            return ExitCodes.Usage;
        }

        if (explain)
        {
            using TextWriter stdout = StandardOutput.OpenWriter();
            stdout.Write(query.Explain());
            return ExitCodes.Success;
        }

        var position = new QueryProgress(query.Globs, counters);
        using (var progress = new ProgressScope(DelayedProgress.StartOnTerminal("Querying", position.TotalBytes, position.BytesDone)))
        {
            ResultPrinter.Print(query.Execute(), format, progress);
        }

        MalformedLinesNotice.Write(Console.Error, parseReport, LoglinqRootCommand.Name);
        return ExitCodes.Success;
    }
}

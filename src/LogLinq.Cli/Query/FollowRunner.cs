using LogLinq.Cli.Commands;
using LogLinq.Cli.Report;
using LogLinq.Cli.Terminal;
using LogLinq.Language;
using LogLinq.Live;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Cli.Query;

/// <summary><c>loglinq query --follow</c>: runs a query over its files as they grow, printing rows as they come.</summary>
internal static class FollowRunner
{
    /// <summary>Follows until Ctrl-C (or a <c>take</c> is satisfied) and returns the exit code.</summary>
    public static int Run(QueryRun run)
    {
        if (run.Explain)
        {
            return QueryRunner.Run(run);
        }

        var parseReport = new ParseReport();
        using var interruption = new Interruption();
        if (QueryRunner.Compile(run, QueryRunner.Options(run, parseReport, new ReadCounters(), interruption.Token)) is not { } query)
        {
            return ExitCodes.Usage;
        }

        QueryResult result;
        try
        {
            // Ctrl-C ends the followed records normally, so the open window is answered and printed.
            result = query.Follow(new FollowOptions
            {
                FromStart = run.FromStart,
                Strict = run.Strict,
                Report = parseReport,
                Until = interruption.Token,
            });
        }
        catch (QueryException e)
        {
            Console.Error.WriteLine($"{LoglinqRootCommand.Name}: --follow: {e.Describe(run.Origin)}");
            return ExitCodes.Usage;
        }

        LiveResultPrinter.Print(result, run.Format);
        MalformedLinesNotice.Write(parseReport, LoglinqRootCommand.Name);

        // Following has no end of its own: Ctrl-C is how it is meant to stop, with all it held printed.
        return ExitCodes.Success;
    }
}

using System.CommandLine;
using LogLinq.Cli.Commands;
using LogLinq.Cli.Terminal;
using LogLinq.Interchange;
using LogLinq.Query;

namespace LogLinq.Cli;

/// <summary>
/// The <c>loglinq</c> entry point: parses the command line, runs the chosen command and turns what
/// can go wrong into an exit code and one line on stderr.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args is ["query" or "run" or "report", ..])
        {
            // On the core that is idle while the command line is parsed and the query planned.
            LogSource.Prepare();
        }

        Command root = LoglinqRootCommand.Create(args);
        ParseResult parseResult = root.Parse(args);
        IReadOnlyList<string> problems = UsageErrors.Find(parseResult);
        if (problems.Count > 0)
        {
            return UsageErrors.Report(problems, parseResult, Console.Error);
        }

        try
        {
            return parseResult.Invoke(new InvocationConfiguration
            {
                // Errors are ours to report (one line, no stack trace), and Ctrl-C is handled by the
                // commands that do long work, so they can stop between records and tidy up.
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (BrokenPipe.Is(e))
        {
            // The reader of stdout went away (`| head`): it had what it wanted, so this is success.
            return ExitCodes.Success;
        }
        catch (Exception e) when (RuntimeErrors.IsExpected(e))
        {
            Console.Error.WriteLine($"{LoglinqRootCommand.Name}: {RuntimeErrors.Describe(e)}");
            return ExitCodes.Failure;
        }
    }
}

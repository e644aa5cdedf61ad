using LogLinq.Cli.Commands;
using LogLinq.Cli.Terminal;

namespace LogLinq.Cli.Repl;

/// <summary>
/// Runs a saved C# script (<c>queries/NAME.csx</c>) with the REPL's globals, as one submission: its
/// value, if it ends in one, is printed as the REPL prints it. Reached from <c>loglinq repl --script</c>,
/// and meant for <c>loglinq run NAME.csx</c>.
/// </summary>
internal static class CsxRunner
{
    /// <summary>Runs the script at <paramref name="path"/>; returns the exit code (0, 1 on an error, 130 on Ctrl-C).</summary>
    /// <param name="path">The script.</param>
    /// <param name="parameters">The <c>--set</c> values, which the script reads as <c>Params</c>.</param>
    /// <param name="globs">The files <c>logs</c> reads; the default logs when empty.</param>
    public static async Task<int> RunAsync(string path, IReadOnlyDictionary<string, string> parameters, IReadOnlyList<string> globs)
    {
        string code;
        try
        {
            code = await File.ReadAllTextAsync(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"{LoglinqRootCommand.Name}: cannot read {path}: {e.Message}");
            return ExitCodes.Failure;
        }

        var display = new ValueDisplay(StandardOutput.IsTerminal ? DisplayStyle.Terminal : DisplayStyle.Plain);
        using var cancellation = new SessionCancellation();
        var globals = new ReplGlobals(globs, parameters, cancellation, display, PipeLanguage.Compile);
        var session = new ScriptSession(globals, display, cancellation);
        using var interrupts = new SubmissionInterrupts(cancellation, ignoreWhenIdle: false);

        SubmissionOutcome outcome;
        using (BufferedStandardOutput.Install())
        using (interrupts.Running())
        {
            outcome = await session.RunAsync(code, Path.GetFullPath(path));
        }

        return outcome switch
        {
            SubmissionOutcome.Succeeded => ExitCodes.Success,
            SubmissionOutcome.Cancelled => ExitCodes.Interrupted,
            _ => ExitCodes.Failure,
        };
    }
}

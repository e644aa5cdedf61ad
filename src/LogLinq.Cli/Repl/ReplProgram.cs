using LogLinq.Cli.Terminal;

namespace LogLinq.Cli.Repl;

/// <summary>
/// <c>loglinq repl</c>: puts a session together and runs it, interactively on a terminal, or over
/// submissions read from standard input, printing only results and errors.
/// </summary>
internal static class ReplProgram
{
    /// <summary>Runs the REPL until its input ends or <c>#exit</c>; returns the exit code.</summary>
    /// <param name="globs">The files <c>logs</c> reads.</param>
    /// <param name="parameters">The <c>--set</c> values, as <c>Params</c>.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> globs, IReadOnlyDictionary<string, string> parameters)
    {
        bool interactive = !Console.IsInputRedirected && StandardOutput.IsTerminal;
        var display = new ValueDisplay(interactive ? DisplayStyle.Terminal : DisplayStyle.Plain);
        using var cancellation = new SessionCancellation();
        var globals = new ReplGlobals(globs, parameters, cancellation, display, PipeLanguage.Compile);
        var session = new ScriptSession(globals, display, cancellation);
        using var interrupts = new SubmissionInterrupts(cancellation, ignoreWhenIdle: interactive);
        var loop = new ReplLoop(session, globals, globs, display, cancellation, interrupts);

        if (interactive)
        {
            return await InteractiveRepl.RunAsync(loop, session, globs, display);
        }

        using (BufferedStandardOutput.Install())
        {
            return await loop.RunAsync(PipedInput.Submissions(Console.In), stopOnInterrupt: true);
        }
    }
}

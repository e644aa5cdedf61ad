using LogLinq.Cli.Commands;
using LogLinq.Cli.Terminal;

namespace LogLinq.Cli.Repl;

/// <summary>Runs submissions one after another: C# through the session, directives here.</summary>
internal sealed class ReplLoop(
    ScriptSession session,
    ReplGlobals globals,
    IReadOnlyList<string> globs,
    ValueDisplay display,
    SessionCancellation cancellation,
    SubmissionInterrupts interrupts)
{
    /// <summary>
    /// Runs every submission until the input ends or <c>#exit</c>. Returns the exit code: 0, or 1
    /// if any submission failed; with <paramref name="stopOnInterrupt"/> (reading a pipe), a Ctrl-C
    /// ends the run with 130.
    /// </summary>
    public async Task<int> RunAsync(IEnumerable<string> submissions, bool stopOnInterrupt)
    {
        bool failed = false;
        foreach (string submission in submissions)
        {
            if (string.IsNullOrWhiteSpace(submission))
            {
                continue;
            }

            // Queries made after an interrupted submission need a token that is not cancelled; renewed
            // before the submission counts as running, so that a Ctrl-C while it compiles still counts.
            cancellation.Renew();
            SubmissionOutcome? outcome;
            using (interrupts.Running())
            {
                outcome = await ExecuteAsync(submission);
            }

            Console.Out.Flush();
            if (outcome is null)
            {
                break;
            }

            if (outcome == SubmissionOutcome.Cancelled && stopOnInterrupt)
            {
                return ExitCodes.Interrupted;
            }

            failed |= outcome is SubmissionOutcome.CompileError or SubmissionOutcome.RuntimeError;
        }

        return failed ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <summary>Runs one submission; null when it asked to leave.</summary>
    private async Task<SubmissionOutcome?> ExecuteAsync(string submission)
    {
        if (ReplDirective.Parse(submission) is not { } directive)
        {
            return await session.RunAsync(submission, ErrorText.ReplFile);
        }

        switch (directive.Name)
        {
            case ReplDirective.Exit:
                return null;
            case ReplDirective.Help:
                Console.Out.WriteLine(ReplHelp.Text(globs));
                return SubmissionOutcome.Succeeded;
            case ReplDirective.Explain when directive.Argument.Length > 0:
                return await session.ExplainAsync(directive.Argument);
            case ReplDirective.PipeQuery when directive.Argument.Length > 0:
                return ShowPipeQuery(directive.Argument);
            case ReplDirective.Load when directive.Argument.Length > 0:
                return await LoadAsync(directive.Argument.Trim('"'));
            default:
                return Fail($"{directive.Name} needs an argument; see #help");
        }
    }

    private SubmissionOutcome ShowPipeQuery(string text)
    {
        try
        {
            display.Write(Console.Out, globals.Query(text), ValueDisplay.DefaultRows, tupleNames: null, cancellation.Token);
            return SubmissionOutcome.Succeeded;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine(display.Style.Error("interrupted"));
            return SubmissionOutcome.Cancelled;
        }
        catch (Exception e)
        {
            // The query's own words: it has no C# position to point at.
            return Fail(RuntimeErrors.IsExpected(e) ? RuntimeErrors.Describe(e) : VisibleText.Of(ErrorText.Unwrap(e).Message));
        }
    }

    private async Task<SubmissionOutcome> LoadAsync(string path)
    {
        string code;
        try
        {
            code = await File.ReadAllTextAsync(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot read {path}: {e.Message}");
        }

        return await session.RunAsync(code, Path.GetFullPath(path));
    }

    private SubmissionOutcome Fail(string message)
    {
        Console.Error.WriteLine(display.Style.Error($"error: {message}"));
        return SubmissionOutcome.RuntimeError;
    }
}

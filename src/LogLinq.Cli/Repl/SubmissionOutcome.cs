namespace LogLinq.Cli.Repl;

/// <summary>How a submission or a script ended.</summary>
internal enum SubmissionOutcome
{
    /// <summary>It ran, and its value, if it had one, was shown.</summary>
    Succeeded,

    /// <summary>It did not compile; nothing ran.</summary>
    CompileError,

    /// <summary>It threw while running or while its value was shown.</summary>
    RuntimeError,

    /// <summary>Ctrl-C stopped it.</summary>
    Cancelled,
}

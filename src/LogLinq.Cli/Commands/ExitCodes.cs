namespace LogLinq.Cli.Commands;

/// <summary>What <c>loglinq</c> exits with, following the shell's conventions.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The command was understood but failed: unreadable input, a malformed line in strict mode.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself was wrong: an unknown option, a bad value, a missing argument.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl-C: 128 + SIGINT, what a shell reports for a process the signal ended.</summary>
    public const int Interrupted = 130;
}

namespace LogLinq.Tests.Cli;

/// <summary>A fact that needs a pseudo-terminal through <c>script</c>; skipped, not passed, where it is missing.</summary>
internal sealed class PseudoTerminalFactAttribute : FactAttribute
{
    public PseudoTerminalFactAttribute()
    {
        if (!TerminalBytes.HasPseudoTerminal)
        {
            Skip = "script (util-linux) is not installed";
        }
    }
}

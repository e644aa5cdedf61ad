namespace LogLinq.Tests.Repl;

/// <summary>
/// Terminal sessions wait on what a real screen shows; run beside the rest of the suite on two
/// cores they can starve, so they run on their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TerminalCollection
{
    public const string Name = "terminal sessions";
}

namespace LogLinq.Tests.Live;

/// <summary>
/// The tests that measure time or race real processes run alone, not beside the rest of the suite on
/// a busy machine: their tolerances are for one test's load, not forty.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LiveCollection
{
    public const string Name = "Live timing";
}

using LogLinq.Query.Execution;

namespace LogLinq.Query.Planning;

/// <summary>
/// How a plan consumes its scan: as a lazy stream of records in file order, or as an aggregate over
/// parallel parts. <paramref name="Aggregate"/> is null for a stream.
/// </summary>
/// <param name="Aggregate">Makes one partial state per part.</param>
/// <param name="Description">The aggregate, for <c>Explain()</c>.</param>
/// <param name="AllowSplit">Whether plain files may be cut into ranges (not when code reads line numbers).</param>
internal sealed record ScanStage(Func<PartialAggregate>? Aggregate, string Description, bool AllowSplit)
{
    /// <summary>Whether the aggregate must see rows in file order, in one state (floating-point sums).</summary>
    public bool InFileOrder { get; init; }

    public bool IsStream => Aggregate is null;
}

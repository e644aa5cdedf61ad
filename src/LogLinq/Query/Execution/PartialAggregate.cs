using LogLinq.Sources;

namespace LogLinq.Query.Execution;

/// <summary>
/// The state of an aggregate over one part of the input. Each part gets its own, so parts scan in
/// parallel without sharing; the parts' states are then merged in file order, which keeps every
/// order-sensitive answer (first seen, first maximum, stable sort) the same as a sequential scan.
/// </summary>
internal abstract class PartialAggregate
{
    /// <summary>Takes one row that passed the predicate.</summary>
    // Every override runs once per row: mark it [AggressiveOptimization]. Tiering would leave it unoptimised
    // for much of a scan, since the background compiler competes with the scan's workers for the cores.
    public abstract void Accept(ref Row row);

    /// <summary>
    /// Scans a block of lines (<see cref="FileScan.ScanBlock(in LineBlock, long, PartialAggregate, long)"/>)
    /// into this state. An aggregate that reads nothing but the parsed numbers overrides it to take
    /// them without a row per line (<see cref="ILineSink"/>). Returns the bytes and lines taken.
    /// </summary>
    public virtual (int Bytes, int Lines) ScanBlock(FileScan scan, scoped in LineBlock block, long firstNumber, long stopOffset) =>
        scan.ScanBlock(block, firstNumber, this, stopOffset);

    /// <summary>Folds in the state of the part that follows this one.</summary>
    public abstract void Merge(PartialAggregate next);

    /// <summary>Adds <paramref name="lineBase"/> to the line numbers of records this state holds.</summary>
    public virtual void Rebase(long lineBase)
    {
    }

    /// <summary>The answer, once every part is merged in.</summary>
    public abstract object? Result();
}

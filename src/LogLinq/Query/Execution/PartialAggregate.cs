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
    /// into this state. When every line is a row (no predicate) and the answer needs only counts and
    /// sums (<see cref="TakesTotals"/>), the block is added up without a row per line. Returns the
    /// bytes and lines taken.
    /// </summary>
    public (int Bytes, int Lines) ScanBlock(FileScan scan, scoped in LineBlock block, long firstNumber, long stopOffset)
    {
        if (scan.HasPredicate || !TakesTotals)
        {
            return scan.ScanBlock(block, firstNumber, this, stopOffset);
        }

        var totals = new LineTotals();
        (int Bytes, int Lines) taken = scan.ScanBlock(block, firstNumber, ref totals, stopOffset);
        AddTotals(totals);
        return taken;
    }

    /// <summary>Whether this state can take whole blocks as <see cref="LineTotals"/> instead of rows.</summary>
    public virtual bool TakesTotals => false;

    /// <summary>Takes the totals of a block of rows, as <see cref="Accept"/> would have taken each of them.</summary>
    public virtual void AddTotals(in LineTotals totals) => throw new NotSupportedException();

    /// <summary>Folds in the state of the part that follows this one.</summary>
    public abstract void Merge(PartialAggregate next);

    /// <summary>Adds <paramref name="lineBase"/> to the line numbers of records this state holds.</summary>
    public virtual void Rebase(long lineBase)
    {
    }

    /// <summary>The answer, once every part is merged in.</summary>
    public abstract object? Result();
}

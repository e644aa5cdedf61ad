using System.Runtime.CompilerServices;
using LogLinq.Query.Execution;

namespace LogLinq.Query.Aggregates;

/// <summary><c>Count</c> and <c>LongCount</c>: how many rows passed.</summary>
internal sealed class CountAggregate(bool asLong) : PartialAggregate
{
    private long _count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Accept(ref Row row) => _count++;

    public override bool TakesTotals => true;

    public override void AddTotals(in LineTotals totals) => _count += totals.Lines;

    public override void Merge(PartialAggregate next) => _count += ((CountAggregate)next)._count;

    // Enumerable.Count is checked: past int.MaxValue it throws, and so does this.
    public override object Result() => asLong ? _count : (object)checked((int)_count);
}

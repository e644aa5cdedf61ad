using System.Runtime.CompilerServices;
using LogLinq.Query.Execution;

namespace LogLinq.Query.Aggregates;

/// <summary>
/// <c>GroupBy</c> on a key that does not depend on the row (several aggregates of everything, in
/// one pass): one group, so no key is computed or looked up per row. No rows, no group — as
/// Enumerable's <c>GroupBy</c> gives.
/// </summary>
internal sealed class SingleGroupAggregate<TKey, TResult>(TKey key, IReadOnlyList<Func<PartialAggregate>> inner, Func<TKey?, object?[], TResult> result)
    : PartialAggregate
{
    private PartialAggregate[]? _group;
    private bool? _takesTotals;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Accept(ref Row row)
    {
        _group ??= [.. inner.Select(create => create())];
        foreach (PartialAggregate aggregate in _group)
        {
            aggregate.Accept(ref row);
        }
    }

    // summarize count(), sum(bytes), avg(bytes) and the like: the whole group from a block's totals.
    public override bool TakesTotals => _takesTotals ??= inner.All(create => create().TakesTotals);

    public override void AddTotals(in LineTotals totals)
    {
        // No line, no group.
        if (totals.Lines == 0)
        {
            return;
        }

        _group ??= [.. inner.Select(create => create())];
        foreach (PartialAggregate aggregate in _group)
        {
            aggregate.AddTotals(totals);
        }
    }

    public override void Merge(PartialAggregate next)
    {
        PartialAggregate[]? theirs = ((SingleGroupAggregate<TKey, TResult>)next)._group;
        if (theirs is null)
        {
            return;
        }

        if (_group is null)
        {
            _group = theirs;
            return;
        }

        for (int i = 0; i < _group.Length; i++)
        {
            _group[i].Merge(theirs[i]);
        }
    }

    public override void Rebase(long lineBase)
    {
        foreach (PartialAggregate aggregate in _group ?? [])
        {
            aggregate.Rebase(lineBase);
        }
    }

    public override object Result() =>
        _group is null ? new List<TResult>() : new List<TResult> { result(key, [.. _group.Select(a => a.Result())]) };
}

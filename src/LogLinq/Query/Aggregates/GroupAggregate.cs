using System.Runtime.CompilerServices;
using LogLinq.Query.Execution;

namespace LogLinq.Query.Aggregates;

/// <summary>
/// <c>GroupBy(key).Select(g =&gt; ... aggregates of g ...)</c>: per group, only the aggregates the
/// result asks for, never the group's rows. Groups come out in order of first appearance, as
/// Enumerable's <c>GroupBy</c> gives them.
/// </summary>
internal sealed class GroupAggregate<TKey, TResult> : PartialAggregate
{
    private readonly KeyIndex<TKey, PartialAggregate[]> _groups;
    private readonly IReadOnlyList<Func<PartialAggregate>> _inner;
    private readonly Func<TKey?, object?[], TResult> _result;
    private readonly Func<TKey?, PartialAggregate[]> _newGroup;

    public GroupAggregate(RowValue<TKey> key, IReadOnlyList<Func<PartialAggregate>> inner, Func<TKey?, object?[], TResult> result)
    {
        _groups = new KeyIndex<TKey, PartialAggregate[]>(key);
        _inner = inner;
        _result = result;
        _newGroup = _ => [.. _inner.Select(create => create())];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Accept(ref Row row)
    {
        foreach (PartialAggregate aggregate in _groups.FindOrAdd(ref row, _newGroup))
        {
            aggregate.Accept(ref row);
        }
    }

    public override void Merge(PartialAggregate next)
    {
        var other = (GroupAggregate<TKey, TResult>)next;
        foreach (TKey? key in other._groups.Keys)
        {
            PartialAggregate[] theirs = other._groups.State(key);
            PartialAggregate[] mine = _groups.FindOrAdd(key, _ => theirs);
            if (!ReferenceEquals(mine, theirs))
            {
                for (int i = 0; i < mine.Length; i++)
                {
                    mine[i].Merge(theirs[i]);
                }
            }
        }
    }

    public override void Rebase(long lineBase)
    {
        foreach (TKey? key in _groups.Keys)
        {
            foreach (PartialAggregate aggregate in _groups.State(key))
            {
                aggregate.Rebase(lineBase);
            }
        }
    }

    public override object Result() =>
        _groups.Keys.Select(key => _result(key, [.. _groups.State(key).Select(a => a.Result())])).ToList();
}

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
    private readonly Func<PartialAggregate[]> _newGroup;

    public GroupAggregate(RowValue<TKey> key, IReadOnlyList<Func<PartialAggregate>> inner, Func<TKey?, object?[], TResult> result)
    {
        _groups = new KeyIndex<TKey, PartialAggregate[]>(key);
        _inner = inner;
        _result = result;
        _newGroup = () => [.. _inner.Select(create => create())];
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
        KeyIndex<TKey, PartialAggregate[]> other = ((GroupAggregate<TKey, TResult>)next)._groups;
        for (int position = 0; position < other.Count; position++)
        {
            PartialAggregate[] theirs = other.StateAt(position);
            PartialAggregate[] mine = _groups.FindOrAddFrom(other, position, () => theirs);
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
        for (int position = 0; position < _groups.Count; position++)
        {
            foreach (PartialAggregate aggregate in _groups.StateAt(position))
            {
                aggregate.Rebase(lineBase);
            }
        }
    }

    public override object Result() =>
        Enumerable.Range(0, _groups.Count)
            .Select(position => _result(_groups.KeyAt(position), [.. _groups.StateAt(position).Select(a => a.Result())]))
            .ToList();
}

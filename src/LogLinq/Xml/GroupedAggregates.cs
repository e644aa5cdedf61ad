using System.Collections;

namespace LogLinq.Xml;

/// <summary>
/// <c>source.GroupBy(key).Select(g =&gt; result(g.Key, aggregates of g))</c> in one pass that keeps,
/// per group, its key and running aggregates, never its rows: the memory of a summary is that of its
/// groups, whatever the size of the input. Groups come out in order of first appearance, as
/// Enumerable's <c>GroupBy</c> gives them, with the same key equality.
/// </summary>
internal sealed class GroupedAggregates<TSource, TKey, TResult>(
    IEnumerable<TSource> source,
    Func<TSource, TKey> key,
    IReadOnlyList<Delegate> accumulators,
    Func<TKey, object?[], TResult> result) : IEnumerable<TResult>
{
    public IEnumerator<TResult> GetEnumerator()
    {
        Func<Accumulator<TSource>>[] makers = [.. accumulators.Cast<Func<Accumulator<TSource>>>()];
        var index = new Dictionary<GroupKey, int>();
        var groups = new List<(TKey Key, Accumulator<TSource>[] States)>();
        foreach (TSource item in source)
        {
            TKey k = key(item);
            if (!index.TryGetValue(new GroupKey(k), out int at))
            {
                at = groups.Count;
                index.Add(new GroupKey(k), at);
                groups.Add((k, [.. makers.Select(make => make())]));
            }

            foreach (Accumulator<TSource> state in groups[at].States)
            {
                state.Add(item);
            }
        }

        foreach ((TKey k, Accumulator<TSource>[] states) in groups)
        {
            yield return result(k, [.. states.Select(s => s.Result())]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A key that may be null (a missing field), as a dictionary's key; equal as <see cref="EqualityComparer{T}.Default"/> says.</summary>
    private readonly record struct GroupKey(TKey Value);
}

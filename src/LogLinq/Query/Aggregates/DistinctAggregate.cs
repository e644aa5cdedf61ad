using System.Runtime.CompilerServices;
using LogLinq.Query.Execution;

namespace LogLinq.Query.Aggregates;

/// <summary>
/// <c>Distinct</c> of a value, in order of first appearance (as Enumerable's). Text fields of raw rows
/// are looked up by their bytes, so a line costs a string only when its value is new.
/// </summary>
/// <remarks>With <paramref name="countOnly"/> the result is the number of distinct values (<c>dcount</c>).</remarks>
internal sealed class DistinctAggregate<T>(RowValue<T> value, bool countOnly = false) : PartialAggregate
{
    private readonly KeyIndex<T, int> _index = new(value);

    // A field rather than a static lambda at the call: for a text key the code is shared by every
    // reference type, where a static lambda's cached delegate is a generic static, looked up by a
    // helper at every line.
    private readonly Func<int> _noState = () => 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Accept(ref Row row) => _index.FindOrAdd(ref row, _noState);

    public override void Merge(PartialAggregate next)
    {
        KeyIndex<T, int> other = ((DistinctAggregate<T>)next)._index;
        for (int i = 0; i < other.Count; i++)
        {
            _index.FindOrAddFrom(other, i, _noState);
        }
    }

    public override object Result() => countOnly ? _index.Count : _index.Keys;
}

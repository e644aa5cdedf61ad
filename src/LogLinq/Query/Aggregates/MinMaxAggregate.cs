using System.Runtime.CompilerServices;
using LogLinq.Query.Execution;

namespace LogLinq.Query.Aggregates;

/// <summary>
/// <c>Min</c> and <c>Max</c>, with Enumerable's rules: nulls are skipped; an empty sequence throws for
/// a value type and gives null for a reference or nullable type; of equal values the first is kept.
/// </summary>
internal sealed class MinMaxAggregate<T>(RowValue<T> value, bool max) : PartialAggregate
{
    private static readonly bool CanBeNull = default(T) is null;
    private readonly Comparer<T> _comparer = Comparer<T>.Default;
    private T? _best;
    private bool _any;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Accept(ref Row row) => Offer(value.Get(ref row));

    private void Offer(T? candidate)
    {
        if (CanBeNull && candidate is null)
        {
            return;
        }

        if (!_any)
        {
            (_best, _any) = (candidate, true);
            return;
        }

        int order = _comparer.Compare(candidate!, _best!);
        if (max ? order > 0 : order < 0)
        {
            _best = candidate;
        }
    }

    public override void Merge(PartialAggregate next)
    {
        var other = (MinMaxAggregate<T>)next;
        if (other._any)
        {
            Offer(other._best);
        }
    }

    public override object? Result() =>
        _any || CanBeNull ? _best : throw new InvalidOperationException("Sequence contains no elements");
}

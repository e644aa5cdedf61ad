using System.Numerics;
using System.Runtime.CompilerServices;
using LogLinq.Query.Execution;

namespace LogLinq.Query.Aggregates;

/// <summary>
/// <c>Sum</c> and <c>Average</c> of a value that may be missing (<c>long?</c>, <c>double?</c>,
/// <c>decimal?</c>), with Enumerable's rules: nulls are left out; a sum of none is 0, an average of
/// none is null; an integer sum is checked, and an average of integers is their sum over their count.
/// </summary>
internal sealed class NullableSumAggregate<T>(RowValue<T?> value, bool average) : PartialAggregate
    where T : struct, INumber<T>
{
    private T _sum = T.Zero;
    private long _count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Accept(ref Row row)
    {
        if (value.Get(ref row) is { } x)
        {
            _sum = checked(_sum + x);
            _count++;
        }
    }

    public override void Merge(PartialAggregate next)
    {
        var other = (NullableSumAggregate<T>)next;
        _sum = checked(_sum + other._sum);
        _count += other._count;
    }

    public override object? Result()
    {
        if (!average)
        {
            return _sum;
        }

        if (_count == 0)
        {
            return null;
        }

        // Enumerable.Average of long? is a double?; of decimal?, a decimal?; of double?, a double?.
        return _sum switch
        {
            decimal d => d / _count,
            _ => double.CreateChecked(_sum) / _count,
        };
    }
}

using LogLinq.Query.Planning;
using LogLinq.Sources;
using LogLinq.Formats;
using System.Runtime.CompilerServices;
using System.Numerics;
using LogLinq.Query.Execution;

namespace LogLinq.Query.Aggregates;

/// <summary>
/// <c>Sum</c> and <c>Average</c> of a numeric value. Integer sums are checked, as Enumerable's are, so
/// an overflow throws instead of wrapping.
/// </summary>
internal sealed class SumAggregate<T>(RowValue<T> value, bool average) : PartialAggregate
    where T : struct, INumber<T>
{
    private T _sum = T.Zero;
    private long _count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Accept(ref Row row)
    {
        _sum = checked(_sum + value.Get(ref row));
        _count++;
    }

    // Without a row per line, where the value is one of the numbers every line has.
    public override bool TakesTotals => FieldValue.FieldOf(value) is LogField.Bytes or LogField.Status;

    public override void AddTotals(in LineTotals totals)
    {
        bool bytes = FieldValue.FieldOf(value) == LogField.Bytes;
        if (bytes && totals.BytesOverflowed)
        {
            throw new OverflowException("Arithmetic operation resulted in an overflow.");
        }

        long sum = bytes ? totals.Bytes : totals.Status;

        // The block's sum, checked as the value's own type: what a sum row by row would throw, this throws.
        _sum = checked(_sum + T.CreateChecked(sum));
        _count += totals.Lines;
    }

    public override void Merge(PartialAggregate next)
    {
        var other = (SumAggregate<T>)next;
        _sum = checked(_sum + other._sum);
        _count += other._count;
    }

    public override object Result()
    {
        if (!average)
        {
            return _sum;
        }

        if (_count == 0)
        {
            throw new InvalidOperationException("Sequence contains no elements");
        }

        // Enumerable.Average of int and long is a double; of decimal, a decimal; of double, a double.
        return _sum switch
        {
            decimal d => d / _count,
            float f => (float)((double)f / _count),
            _ => double.CreateChecked(_sum) / _count,
        };
    }

}

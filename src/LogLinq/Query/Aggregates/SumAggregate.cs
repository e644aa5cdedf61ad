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

    public override (int Bytes, int Lines) ScanBlock(FileScan scan, scoped in LineBlock block, long firstNumber, long stopOffset) =>
        scan.HasPredicate ? base.ScanBlock(scan, block, firstNumber, stopOffset)
        : FieldValue.FieldOf(value) switch
        {
            LogField.Bytes => ScanNumbers<ParsedBytes>(scan, block, firstNumber, stopOffset),
            LogField.Status => ScanNumbers<ParsedStatus>(scan, block, firstNumber, stopOffset),
            _ => base.ScanBlock(scan, block, firstNumber, stopOffset),
        };

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

    /// <summary>Sums a parsed number of every line of a block: the value read without a row.</summary>
    private (int Bytes, int Lines) ScanNumbers<TNumber>(FileScan scan, scoped in LineBlock block, long firstNumber, long stopOffset)
        where TNumber : struct, IParsedNumber
    {
        var numbers = new NumberSum<TNumber>();
        (int Bytes, int Lines) taken = scan.ScanBlock(block, firstNumber, ref numbers, stopOffset);

        // The block's sum, checked as the value's own type: what a sum row by row would throw, this throws.
        _sum = checked(_sum + T.CreateChecked(numbers.Sum));
        _count += numbers.Count;
        return taken;
    }

    private struct NumberSum<TNumber> : ILineSink
        where TNumber : struct, IParsedNumber
    {
        public long Sum;
        public long Count;

        public void Accept(ReadOnlySpan<byte> line, int start, long number, ref CommonLogFields fields)
        {
            Sum = checked(Sum + TNumber.Read(ref fields));
            Count++;
        }
    }
}

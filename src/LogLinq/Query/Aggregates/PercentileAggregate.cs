using System.Runtime.CompilerServices;
using LogLinq.Query.Execution;

namespace LogLinq.Query.Aggregates;

/// <summary>
/// <see cref="Percentiles.Percentile{TSource}(IEnumerable{TSource}, Func{TSource, long?}, double)"/>
/// and its overloads as a partial aggregate: each part's values in a <see cref="PercentileSketch"/>,
/// merged into the whole's.
/// </summary>
/// <param name="value">The value of a row, of the selector's type.</param>
/// <param name="number">The value as a number (a duration as ticks), null where it has none.</param>
/// <param name="result">The percentile as the operator gives it.</param>
/// <param name="percent">Which percentile.</param>
internal sealed class PercentileAggregate<T>(RowValue<T> value, Func<T, double?> number, Func<double?, object?> result, double percent) : PartialAggregate
{
    private readonly PercentileSketch _sketch = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Accept(ref Row row)
    {
        if (number(value.Get(ref row)) is double taken)
        {
            _sketch.Add(taken);
        }
    }

    public override void Merge(PartialAggregate next) => _sketch.Merge(((PercentileAggregate<T>)next)._sketch);

    public override object? Result() => result(_sketch.Percentile(percent));
}

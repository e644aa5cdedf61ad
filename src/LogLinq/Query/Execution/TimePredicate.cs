using System.Runtime.CompilerServices;
using System.Globalization;

namespace LogLinq.Query.Execution;

/// <summary>The time compared with a constant instant (offsets do not matter, as for <see cref="DateTimeOffset"/>).</summary>
internal sealed class TimePredicate(ComparisonKind kind, DateTimeOffset value) : RowPredicate
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Test(ref Row row) => Comparison.Holds(kind, RowFields.Time(ref row).CompareTo(value));

    public override string ToString() =>
        $"time {Comparison.Symbol(kind)} {value.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)}";
}

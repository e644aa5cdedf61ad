using System.Runtime.CompilerServices;
using LogLinq.Language;

namespace LogLinq.Query.Execution;

/// <summary>
/// The duration compared with a constant, on the duration the parser read, as C#'s lifted operators
/// compare a <see cref="TimeSpan"/>?: a line without one passes only <c>!=</c> a duration (and
/// <c>== null</c>); a comparison with null that orders passes nothing.
/// </summary>
internal sealed class DurationPredicate(ComparisonKind kind, TimeSpan? value) : RowPredicate
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Test(ref Row row)
    {
        TimeSpan? actual = RowFields.Duration(ref row);
        if (actual is { } taken && value is { } limit)
        {
            return Comparison.Holds(kind, taken.CompareTo(limit));
        }

        // One or both missing: equal only when both are, ordered never.
        return kind switch
        {
            ComparisonKind.Equal => actual is null && value is null,
            ComparisonKind.NotEqual => actual is not null || value is not null,
            _ => false,
        };
    }

    public override string ToString() =>
        $"duration {Comparison.Symbol(kind)} {(value is { } limit ? DurationFormat.Exact(limit) : "null")}";
}

using System.Runtime.CompilerServices;
namespace LogLinq.Query.Execution;

/// <summary>Either condition, the left first (as C#'s <c>||</c>).</summary>
internal sealed class OrPredicate(RowPredicate left, RowPredicate right) : RowPredicate
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Test(ref Row row) => left.Test(ref row) || right.Test(ref row);

    public override bool NeedsRecord => left.NeedsRecord || right.NeedsRecord;

    public override string ToString() => $"({left} || {right})";
}

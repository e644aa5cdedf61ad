using System.Runtime.CompilerServices;
namespace LogLinq.Query.Execution;

/// <summary>The negation of a condition.</summary>
internal sealed class NotPredicate(RowPredicate operand) : RowPredicate
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Test(ref Row row) => !operand.Test(ref row);

    public override bool NeedsRecord => operand.NeedsRecord;

    public override string ToString() => $"!{operand}";
}

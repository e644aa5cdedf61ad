using System.Runtime.CompilerServices;
namespace LogLinq.Query.Execution;

/// <summary>Both conditions, the left first (as C#'s <c>&amp;&amp;</c>).</summary>
internal sealed class AndPredicate(RowPredicate left, RowPredicate right) : RowPredicate
{
    public RowPredicate Left { get; } = left;

    public RowPredicate Right { get; } = right;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Test(ref Row row) => Left.Test(ref row) && Right.Test(ref row);

    // Either side's literal is required; the longer one skips more lines.
    public override byte[]? RequiredLiteral =>
        (Left.RequiredLiteral, Right.RequiredLiteral) switch
        {
            (null, var r) => r,
            (var l, null) => l,
            (var l, var r) => l.Length >= r.Length ? l : r,
        };

    public override bool NeedsRecord => Left.NeedsRecord || Right.NeedsRecord;

    public override string ToString() => $"({Left} && {Right})";
}

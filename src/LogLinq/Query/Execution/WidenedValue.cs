using System.Runtime.CompilerServices;
namespace LogLinq.Query.Execution;

/// <summary>An int value read as a long, for <c>Average</c> of ints, which Enumerable sums in a long.</summary>
internal sealed class WidenedValue(RowValue<int> inner) : RowValue<long>
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override long Get(ref Row row) => inner.Get(ref row);

    public override string ToString() => inner.ToString();
}

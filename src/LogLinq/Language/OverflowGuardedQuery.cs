using System.Collections;
using System.Linq.Expressions;

namespace LogLinq.Language;

/// <summary>
/// A pipe query's rows, or what C# made of them, as a query to go on with
/// (<see cref="CompiledQuery.AsQueryable"/>): <see cref="OverflowGuardedProvider"/> runs it, so that
/// an overflow names the query's own sums and arithmetic, as from <see cref="CompiledQuery.Execute()"/>.
/// </summary>
internal sealed class OverflowGuardedQuery<T>(OverflowGuardedProvider provider, Expression expression) : IOrderedQueryable<T>
{
    public Type ElementType => typeof(T);

    public Expression Expression => expression;

    public IQueryProvider Provider => provider;

    public IEnumerator<T> GetEnumerator() => provider.Rows<T>(expression).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => expression.ToString();
}

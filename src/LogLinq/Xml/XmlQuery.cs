using System.Collections;
using System.Linq.Expressions;

namespace LogLinq.Xml;

/// <summary>A query over XML records: its expression, run by <see cref="XmlQueryProvider"/> when enumerated.</summary>
internal sealed class XmlQuery<T>(XmlQueryProvider provider, Expression expression) : IOrderedQueryable<T>
{
    public Type ElementType => typeof(T);

    public Expression Expression { get; } = expression;

    public IQueryProvider Provider => provider;

    public IEnumerator<T> GetEnumerator() => provider.Run<T>(Expression).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Expression.ToString();
}

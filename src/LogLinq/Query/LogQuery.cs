using System.Collections;
using System.Linq.Expressions;

namespace LogLinq.Query;

/// <summary>A query over log files: an expression tree that the <see cref="LogQueryProvider"/> plans and runs when enumerated.</summary>
internal sealed class LogQuery<T> : IOrderedQueryable<T>
{
    public LogQuery(LogQueryProvider provider)
    {
        Provider = provider;
        Expression = Expression.Constant(this);
    }

    public LogQuery(LogQueryProvider provider, Expression expression)
    {
        Provider = provider;
        Expression = expression;
    }

    public Type ElementType => typeof(T);

    public Expression Expression { get; }

    public IQueryProvider Provider { get; }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Provider.Execute(Expression)!).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Expression.ToString();
}

using System.Linq.Expressions;
using System.Reflection;

namespace LogLinq.Language;

/// <summary>
/// Runs a compiled pipe query's rows, and what C# makes of them (<c>Query("...").Count()</c> in the
/// REPL), with the query's overflows told in its own words (<see cref="OverflowSites"/>). Only the
/// query's own rows are guarded: the operators C# adds after them run in LINQ to Objects over those
/// rows, so that an overflow of theirs (a <c>Sum</c> of the rows) keeps the runtime's message rather
/// than pass for one of the query's. The planner would leave them to LINQ to Objects anyway: they
/// follow the query's last stage, whose rows are arrays made by a <c>Select</c>.
/// </summary>
internal sealed class OverflowGuardedProvider(IQueryable<object?[]> query, OverflowSites sites) : IQueryProvider
{
    private static readonly MethodInfo CreateOfType = typeof(OverflowGuardedProvider).GetMethod(nameof(CreateQuery), 1, [typeof(Expression)])!;

    /// <summary>The provider the query was compiled for, which plans it and explains it.</summary>
    public IQueryProvider Inner => query.Provider;

    public IQueryable CreateQuery(Expression expression)
    {
        Type rows = expression.Type.IsGenericType && expression.Type.GetGenericTypeDefinition() == typeof(IQueryable<>)
            ? expression.Type
            : expression.Type.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQueryable<>));
        return (IQueryable)CreateOfType.MakeGenericMethod(rows.GetGenericArguments()[0]).Invoke(this, [expression])!;
    }

    public IQueryable<TElement> CreateQuery<TElement>(Expression expression) => new OverflowGuardedQuery<TElement>(this, expression);

    public object? Execute(Expression expression) => Execute<object?>(expression);

    public TResult Execute<TResult>(Expression expression)
    {
        if (expression == query.Expression)
        {
            return sites.Guard(() => query.Provider.Execute<TResult>(expression));
        }

        Expression rest = OverGuardedRows(expression, out IQueryProvider linq);
        return linq.Execute<TResult>(rest);
    }

    /// <summary>The rows of <paramref name="expression"/>: the query's own, or what C# made of them.</summary>
    public IEnumerable<T> Rows<T>(Expression expression)
    {
        if (expression == query.Expression)
        {
            return (IEnumerable<T>)sites.Guard(query);
        }

        Expression rest = OverGuardedRows(expression, out IQueryProvider linq);
        return linq.CreateQuery<T>(rest);
    }

    // The expression with the query's rows, guarded, in its place, and LINQ to Objects to run the rest.
    private Expression OverGuardedRows(Expression expression, out IQueryProvider linq)
    {
        IQueryable<object?[]> rows = sites.Guard(query).AsQueryable();
        linq = rows.Provider;
        return new QueryAsRows(query.Expression, Expression.Constant(rows, query.Expression.Type)).Visit(expression)!;
    }

    private sealed class QueryAsRows(Expression query, Expression rows) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == query ? rows : base.Visit(node);
    }
}

using System.Collections;
using System.Linq.Expressions;

namespace LogLinq.Xml;

/// <summary>
/// Finds, in a query over XML records, the two shapes that LINQ to Objects would answer by holding
/// every row, and puts streaming passes in their place: <c>GroupBy(k).Select(g =&gt; aggregates of g)</c>
/// becomes <see cref="GroupedAggregates{TSource, TKey, TResult}"/> and <c>OrderBy(..).ThenBy(..).Take(n)</c>
/// becomes <see cref="TopRows{T}"/>. The answers are LINQ to Objects' own; only the memory differs.
/// Anything else is left as it is.
/// </summary>
/// <param name="provider">The provider whose queries the rewritten parts read.</param>
/// <param name="notes">Where to say, in words, what was rewritten; null when no one asks.</param>
internal sealed class StreamingRewriter(XmlQueryProvider provider, List<string>? notes) : ExpressionVisitor
{
    /// <summary>A larger <c>Take</c> keeps its rows in a sorted list that costs more than sorting them all.</summary>
    private const int MaxTopRows = 10_000;

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        // The innermost first: a top over a summary reads the summary's rows.
        Expression visited = base.VisitMethodCall(node);
        if (visited is not MethodCallExpression call || call.Method.DeclaringType != typeof(Queryable))
        {
            return visited;
        }

        return call.Method.Name switch
        {
            nameof(Queryable.Select) => Summary(call) ?? call,
            nameof(Queryable.Take) => Top(call) ?? call,
            _ => call,
        };
    }

    private Expression? Summary(MethodCallExpression select)
    {
        if (select.Arguments is not [MethodCallExpression { Method.Name: nameof(Queryable.GroupBy), Arguments: [var source, UnaryExpression { Operand: LambdaExpression key }] } groupBy, UnaryExpression { Operand: LambdaExpression selector }]
            || groupBy.Method.DeclaringType != typeof(Queryable)
            || GroupSelectorRewriter.Rewrite(selector, key.Parameters[0].Type, key.ReturnType) is not { } rewritten)
        {
            return null;
        }

        Type rowType = key.Parameters[0].Type;
        Type resultType = selector.ReturnType;
        object rows = Activator.CreateInstance(
            typeof(GroupedAggregates<,,>).MakeGenericType(rowType, key.ReturnType, resultType),
            Rows(source), key.Compile(), rewritten.Accumulators, rewritten.Result.Compile())!;
        notes?.Add($"summarize:  group by {key} computing {string.Join(", ", rewritten.Descriptions)}, in one pass: per group its running aggregates, not its records");
        return AsQueryable(rows, resultType);
    }

    private Expression? Top(MethodCallExpression take)
    {
        if (take.Arguments is not [var ordered, ConstantExpression { Value: int count }] || count > MaxTopRows)
        {
            return null;
        }

        var keys = new List<(LambdaExpression Key, bool Descending)>();
        Expression current = ordered;
        while (current is MethodCallExpression { Method.Name: nameof(Queryable.ThenBy) or nameof(Queryable.ThenByDescending), Arguments: [var inner, UnaryExpression { Operand: LambdaExpression then }] } thenBy
            && thenBy.Method.DeclaringType == typeof(Queryable))
        {
            keys.Insert(0, (then, thenBy.Method.Name == nameof(Queryable.ThenByDescending)));
            current = inner;
        }

        if (current is not MethodCallExpression { Method.Name: nameof(Queryable.OrderBy) or nameof(Queryable.OrderByDescending), Arguments: [var source, UnaryExpression { Operand: LambdaExpression first }] } orderBy
            || orderBy.Method.DeclaringType != typeof(Queryable))
        {
            return null;
        }

        keys.Insert(0, (first, orderBy.Method.Name == nameof(Queryable.OrderByDescending)));
        Type rowType = first.Parameters[0].Type;
        Type orderType = typeof(TopRows<>.Order).MakeGenericType(rowType);
        var orders = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(orderType))!;
        foreach ((LambdaExpression key, bool descending) in keys)
        {
            orders.Add(Activator.CreateInstance(typeof(TopRows<>.Order<>).MakeGenericType(rowType, key.ReturnType), key.Compile(), descending));
        }

        object rows = Activator.CreateInstance(typeof(TopRows<>).MakeGenericType(rowType), Rows(source), orders, count)!;
        notes?.Add($"top:        the first {count} by {string.Join(", then ", keys.Select(k => $"{k.Key}{(k.Descending ? " desc" : "")}"))}, in one pass that keeps {count} rows, not all of them");
        return AsQueryable(rows, rowType);
    }

    /// <summary>The rows of <paramref name="source"/>, read when enumerated: a query of the same provider.</summary>
    private IQueryable Rows(Expression source) => provider.CreateQuery(source);

    /// <summary>A sequence as a constant of the query: LINQ to Objects reads such an <c>EnumerableQuery</c> as its sequence.</summary>
    private static ConstantExpression AsQueryable(object rows, Type rowType) =>
        Expression.Constant(((IEnumerable)rows).AsQueryable(), typeof(IQueryable<>).MakeGenericType(rowType));
}

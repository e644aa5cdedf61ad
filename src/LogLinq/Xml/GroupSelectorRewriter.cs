using System.Linq.Expressions;

namespace LogLinq.Xml;

/// <summary>
/// Rewrites the result selector of <c>GroupBy(key).Select(g =&gt; ...)</c> to need only the key and the
/// results of the aggregates it takes of <c>g</c>, each made an <see cref="Accumulator{TSource}"/>; fails
/// (null) when the selector uses <c>g</c> any other way. The same idea as the log planner's
/// <c>GroupResultRewriter</c>, over objects rather than raw lines.
/// </summary>
internal sealed class GroupSelectorRewriter : ExpressionVisitor
{
    private readonly ParameterExpression _group;
    private readonly ParameterExpression _key;
    private readonly ParameterExpression _values = Expression.Parameter(typeof(object[]), "values");
    private readonly Type _source;
    private readonly List<Delegate> _accumulators = [];
    private readonly List<string> _descriptions = [];
    private bool _failed;

    private GroupSelectorRewriter(ParameterExpression group, Type source, Type keyType)
    {
        _group = group;
        _source = source;
        _key = Expression.Parameter(keyType, "key");
    }

    /// <summary>
    /// <c>(key, values) =&gt; result</c>, the makers of the accumulators that fill <c>values</c>
    /// (each a <c>Func&lt;Accumulator&lt;TSource&gt;&gt;</c>), and each aggregate in words.
    /// </summary>
    public static (LambdaExpression Result, IReadOnlyList<Delegate> Accumulators, IReadOnlyList<string> Descriptions)? Rewrite(
        LambdaExpression selector, Type source, Type keyType)
    {
        var rewriter = new GroupSelectorRewriter(selector.Parameters[0], source, keyType);
        Expression body = rewriter.Visit(selector.Body);
        return rewriter._failed ? null : (Expression.Lambda(body, rewriter._key, rewriter._values), rewriter._accumulators, rewriter._descriptions);
    }

    protected override Expression VisitMember(MemberExpression node) =>
        node.Expression == _group && node.Member.Name == "Key" ? _key : base.VisitMember(node);

    protected override Expression VisitParameter(ParameterExpression node)
    {
        // Any use of the group that is not its key or an aggregate of it would need its rows.
        _failed |= node == _group;
        return node;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType != typeof(Enumerable) || Aggregate(node) is not { } aggregate)
        {
            return base.VisitMethodCall(node);
        }

        _accumulators.Add(aggregate.Maker);
        _descriptions.Add(aggregate.Text);
        return Expression.Convert(Expression.ArrayIndex(_values, Expression.Constant(_accumulators.Count - 1)), node.Type);
    }

    private (Delegate Maker, string Text)? Aggregate(MethodCallExpression call)
    {
        string name = call.Method.Name;
        switch (call.Arguments)
        {
            // g.Count(), g.LongCount()
            case [var g] when g == _group && name is "Count" or "LongCount":
                return Make(name, null, "count()");

            // g.Select(e).Distinct().Count()
            case [MethodCallExpression { Method.Name: "Distinct", Arguments: [MethodCallExpression { Method.Name: "Select", Arguments: [var g, LambdaExpression { Parameters.Count: 1 } of] }] }]
                when g == _group && name is "Count" or "LongCount" && !Mentions(of):
                return Make("Distinct" + name, of, $"dcount({of})");

            // g.Sum(e), g.Average(e), g.Min(e), g.Max(e)
            case [var g, LambdaExpression { Parameters.Count: 1 } of] when g == _group && name is "Sum" or "Average" or "Min" or "Max" && !Mentions(of):
                return Make(name, of, $"{name.ToLowerInvariant()}({of})");

            default:
                return null;
        }
    }

    private (Delegate, string)? Make(string name, LambdaExpression? selector, string text)
    {
        var maker = (Delegate?)typeof(Accumulator<>).MakeGenericType(_source).GetMethod(nameof(Accumulator<object>.For))!
            .Invoke(null, [name, selector?.Compile(), selector?.ReturnType]);
        return maker is null ? null : (maker, text);
    }

    private bool Mentions(LambdaExpression selector) => new GroupFinder(_group).Finds(selector.Body);

    /// <summary>Whether an expression mentions the group at all.</summary>
    private sealed class GroupFinder(ParameterExpression group) : ExpressionVisitor
    {
        private bool _found;

        public bool Finds(Expression expression)
        {
            Visit(expression);
            return _found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _found |= node == group;
            return node;
        }
    }
}

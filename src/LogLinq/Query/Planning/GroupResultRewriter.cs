using System.Runtime.CompilerServices;
using System.Linq.Expressions;
using LogLinq.Query.Aggregates;
using LogLinq.Query.Execution;

namespace LogLinq.Query.Planning;

/// <summary>
/// Rewrites the result selector of <c>GroupBy(key).Select(g =&gt; ...)</c> so that it needs only the
/// key and the values of the aggregates it takes of <c>g</c> (<c>g.Count()</c>, <c>g.Sum(r =&gt; r.Bytes)</c>,
/// <c>g.Select(r =&gt; r.Host).Distinct().Count()</c>, <c>g.Percentile(r =&gt; r.Bytes, 95)</c>, ...): those become partial aggregates, and the
/// group's rows need never be kept. Fails (null) when the selector uses <c>g</c> any other way.
/// </summary>
internal sealed class GroupResultRewriter : ExpressionVisitor
{
    private readonly ParameterExpression _group;
    private readonly ParameterExpression _key;
    private readonly ParameterExpression _values = Expression.Parameter(typeof(object[]), "values");
    private readonly List<Func<PartialAggregate>> _aggregates = [];
    private readonly List<string> _descriptions = [];
    private LogField _fields;
    private bool _inFileOrder;
    private bool _failed;

    private GroupResultRewriter(ParameterExpression group, Type keyType)
    {
        _group = group;
        _key = Expression.Parameter(keyType, "key");
    }

    /// <summary>The rewritten selector <c>(key, values) =&gt; result</c> and the aggregates that fill <c>values</c>.</summary>
    public static (LambdaExpression Result, List<Func<PartialAggregate>> Aggregates, List<string> Descriptions, LogField Fields, bool InFileOrder)? Rewrite(
        LambdaExpression selector, Type keyType)
    {
        var rewriter = new GroupResultRewriter(selector.Parameters[0], keyType);
        Expression body = rewriter.Visit(selector.Body);
        if (rewriter._failed || ExpressionFacts.Mentions(body, rewriter._group))
        {
            return null;
        }

        return (Expression.Lambda(body, rewriter._key, rewriter._values), rewriter._aggregates, rewriter._descriptions, rewriter._fields, rewriter._inFileOrder);
    }

    protected override Expression VisitMember(MemberExpression node) =>
        node.Expression == _group && node.Member.Name == "Key" ? _key : base.VisitMember(node);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType != typeof(Enumerable) && node.Method.DeclaringType != typeof(Percentiles))
        {
            return base.VisitMethodCall(node);
        }

        (Func<PartialAggregate>? create, string? text) = Aggregate(node);
        if (create is null)
        {
            if (node.Arguments.Count > 0 && node.Arguments[0] == _group)
            {
                _failed = true;
            }

            return base.VisitMethodCall(node);
        }

        _aggregates.Add(create);
        _descriptions.Add(text!);
        var slot = Expression.ArrayIndex(_values, Expression.Constant(_aggregates.Count - 1));
        return Expression.Convert(slot, node.Type);
    }

    private (Func<PartialAggregate>?, string?) Aggregate(MethodCallExpression call)
    {
        string name = call.Method.Name;
        IReadOnlyList<Expression> args = call.Arguments;

        // g.Select(sel).Distinct().Count()
        if (name is "Count" or "LongCount" && args.Count == 1
            && args[0] is MethodCallExpression { Method.Name: "Distinct", Arguments: [MethodCallExpression { Method.Name: "Select" } select] }
            && select.Arguments[0] == _group && select.Arguments[1] is LambdaExpression { Parameters.Count: 1 } distinctOf)
        {
            _fields |= ExpressionFacts.FieldsRead(distinctOf);
            Func<PartialAggregate> distinct = AggregateFactory.Distinct(distinctOf.ReturnType, ValueTranslator.Translate(distinctOf), countOnly: true);
            bool asLong = name == "LongCount";
            return (() => new CountOfDistinct(distinct(), asLong), $"dcount({ExpressionText.Of(distinctOf)})");
        }

        if (args.Count == 0 || args[0] != _group)
        {
            return (null, null);
        }

        if (name is "Count" or "LongCount" && args.Count == 1)
        {
            bool asLong = name == "LongCount";
            return (() => new CountAggregate(asLong), "count()");
        }

        // g.Percentile(sel, p), with p a constant (a percent out of range is left to the operator, which says so)
        if (call.Method.DeclaringType == typeof(Percentiles) && args.Count == 3 && args[1] is LambdaExpression { Parameters.Count: 1 } of
            && args[2] is ConstantExpression { Value: double percent } && percent is > 0 and <= 100
            && AggregateFactory.Percentile(of, percent) is { } percentile)
        {
            _fields |= ExpressionFacts.FieldsRead(of);
            // Shown without the widening to a nullable number the language adds: percentile(r => r.Bytes, 95).
            LambdaExpression shown = of.Body is UnaryExpression { NodeType: ExpressionType.Convert } widened ? Expression.Lambda(widened.Operand, of.Parameters) : of;
            return (percentile, $"percentile({ExpressionText.Of(shown)}, {percent.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }

        if (args.Count == 2 && args[1] is LambdaExpression { Parameters.Count: 1 } selector
            && AggregateFactory.TryCreate(name, selector) is { } create)
        {
            _fields |= ExpressionFacts.FieldsRead(selector);
            _inFileOrder |= AggregateFactory.IsOrderSensitive(name, selector.ReturnType);
            return (create, $"{name.ToLowerInvariant()}({ExpressionText.Of(selector)})");
        }

        return (null, null);
    }

    /// <summary>A distinct count whose result is an int or a long, as <c>Count</c> or <c>LongCount</c> gives.</summary>
    private sealed class CountOfDistinct(PartialAggregate distinct, bool asLong) : PartialAggregate
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override void Accept(ref Row row) => distinct.Accept(ref row);

        public override void Merge(PartialAggregate next) => distinct.Merge(((CountOfDistinct)next).Distinct);

        public override object Result() => asLong ? (long)(int)distinct.Result()! : distinct.Result()!;

        private PartialAggregate Distinct => distinct;
    }
}

using System.Runtime.CompilerServices;
using System.Linq.Expressions;
using LogLinq.Query.Aggregates;
using LogLinq.Query.Execution;
using LogLinq.Records;

namespace LogLinq.Query.Planning;

/// <summary>
/// Turns a LINQ expression over a log source into a <see cref="QueryPlan"/>. It reads the chain of
/// operators from the source outward: <c>Where</c>s next to the source are pushed down to the scan;
/// the operator after them, if the planner knows one (an aggregate, <c>Distinct</c>, <c>GroupBy</c>
/// with aggregates, a top-k), becomes a parallel stage; everything after that runs in LINQ to Objects
/// on the stage's output. The answer never depends on what the planner recognised, only the speed.
/// </summary>
internal static class QueryPlanner
{
    private static readonly HashSet<string> PredicateTerminals =
        ["Count", "LongCount", "First", "FirstOrDefault", "Any", "Single", "SingleOrDefault", "Last", "LastOrDefault"];

    public static QueryPlan Plan(Expression expression, ScanInput input)
    {
        List<MethodCallExpression> calls = Chain(expression);
        var predicates = new List<Expression<Func<LogRecord, bool>>>();
        int i = 0;
        while (i < calls.Count && calls[i].Method.Name == "Where" && Lambda(calls[i], 1) is Expression<Func<LogRecord, bool>> where)
        {
            predicates.Add(where);
            i++;
        }

        // Count(p), First(p), Any(p)...: the predicate is a Where in disguise.
        if (i < calls.Count && PredicateTerminals.Contains(calls[i].Method.Name) && calls[i].Arguments.Count == 2
            && Lambda(calls[i], 1) is Expression<Func<LogRecord, bool>> terminalPredicate)
        {
            predicates.Add(terminalPredicate);
            calls[i] = WithoutPredicate(calls[i]);
        }

        RowPredicate? predicate = Combine(predicates);
        LogField fields = predicates.Aggregate(LogField.None, (f, p) => f | ExpressionFacts.FieldsRead(p));
        (ScanStage stage, int consumed, LogField stageFields) = Stage(calls, i);
        fields |= stageFields;

        LogSourceOptions options = input.Options;
        var query = new ScanQuery(options.Format, predicate, options.Strict, options.Report)
        {
            SplitsRequest = (fields & (LogField.Method | LogField.Path | LogField.Protocol)) != 0 || stage.IsStream,
            SkipDamagedFiles = options.SkipDamagedFiles && !options.Strict,
        };
        bool allowSplit = (fields & (LogField.LineNumber | LogField.Record)) == 0;
        return new QueryPlan(input, query, stage with { AllowSplit = allowSplit && !stage.InFileOrder }, calls[(i + consumed)..], fields);
    }

    /// <summary>The stage for the operators from <paramref name="i"/> on, and how many of them it takes.</summary>
    private static (ScanStage Stage, int Consumed, LogField Fields) Stage(List<MethodCallExpression> calls, int i)
    {
        var stream = new ScanStage(null, "stream", true);
        if (i >= calls.Count)
        {
            return (stream, 0, LogField.None);
        }

        MethodCallExpression call = calls[i];
        bool last = i == calls.Count - 1;
        MethodCallExpression? next = i + 1 < calls.Count ? calls[i + 1] : null;
        bool nextIsLast = i + 1 == calls.Count - 1;
        switch (call.Method.Name)
        {
            case "Count" or "LongCount" when last && call.Arguments.Count == 1:
                bool asLong = call.Method.Name == "LongCount";
                return (Scalar(() => new CountAggregate(asLong), $"{call.Method.Name.ToLowerInvariant()}()"), 1, LogField.None);

            case "Sum" or "Average" or "Min" or "Max" when last && Lambda(call, 1) is { } selector
                && AggregateFactory.TryCreate(call.Method.Name, selector) is { } create:
                return (Scalar(create, $"{call.Method.Name.ToLowerInvariant()}({ExpressionText.Of(selector)})") with { InFileOrder = AggregateFactory.IsOrderSensitive(call.Method.Name, selector.ReturnType) }, 1, ExpressionFacts.FieldsRead(selector));

            case "Select" when Lambda(call, 1) is { Parameters.Count: 1 } selector && next is not null:
                if (next.Method.Name is "Sum" or "Average" or "Min" or "Max" && nextIsLast && next.Arguments.Count == 1
                    && AggregateFactory.TryCreate(next.Method.Name, selector) is { } aggregate)
                {
                    return (Scalar(aggregate, $"{next.Method.Name.ToLowerInvariant()}({ExpressionText.Of(selector)})") with { InFileOrder = AggregateFactory.IsOrderSensitive(next.Method.Name, selector.ReturnType) }, 2, ExpressionFacts.FieldsRead(selector));
                }

                if (next.Method.Name == "Distinct" && next.Arguments.Count == 1)
                {
                    Func<PartialAggregate> create = AggregateFactory.Distinct(selector.ReturnType, ValueTranslator.Translate(selector), countOnly: false);
                    var distinct = new ScanStage(create, $"distinct({ExpressionText.Of(selector)})", true);
                    return (distinct, 2, ExpressionFacts.FieldsRead(selector));
                }

                break;

            case "GroupBy" when call.Arguments.Count == 2 && Lambda(call, 1) is { } key
                && next is { Method.Name: "Select" } && Lambda(next, 1) is { Parameters.Count: 1 } result
                && GroupResultRewriter.Rewrite(result, key.ReturnType) is { } rewritten:
                {
                    // A key that does not depend on the row (summarize without by) is one group.
                    bool single = !ExpressionFacts.Mentions(key.Body, key.Parameters[0]);
                    object keyValue = single ? ExpressionFacts.Evaluate(key.Body)! : ValueTranslator.Translate(key);
                    // A summarize's row is picked from the key and the values (ResultCells); any other
                    // result is compiled, or for one group, made once, interpreted: that costs nothing
                    // next to compiling it (System.Linq.Expressions' compiler is milliseconds of start-up).
                    Delegate compiled = ResultCells.TryCreate(rewritten.Result) ?? rewritten.Result.Compile(preferInterpretation: single);
                    Func<PartialAggregate> create = GenericFactory.Of<Func<object, IReadOnlyList<Func<PartialAggregate>>, Delegate, Func<PartialAggregate>>>(
                        typeof(QueryPlanner), single ? nameof(SingleGroupOf) : nameof(GroupOf), key.ReturnType, result.ReturnType)(keyValue, rewritten.Aggregates, compiled);
                    var group = new ScanStage(
                        create,
                        $"group by {ExpressionText.Of(key)} computing {string.Join(", ", rewritten.Descriptions.DefaultIfEmpty("the keys"))}",
                        true)
                    { InFileOrder = rewritten.InFileOrder };
                    return (group, 2, ExpressionFacts.FieldsRead(key) | rewritten.Fields);
                }

            case "OrderBy" or "OrderByDescending" when call.Arguments.Count == 2 && Lambda(call, 1) is { } orderKey:
                return Top(calls, i, orderKey, call.Method.Name == "OrderByDescending") ?? (stream, 0, LogField.None);

            case "MaxBy" or "MinBy" when last && call.Arguments.Count == 2 && Lambda(call, 1) is { } byKey
                && byKey.ReturnType.IsValueType && Nullable.GetUnderlyingType(byKey.ReturnType) is null:
                {
                    Func<PartialAggregate> top = TopFactory(byKey, call.Method.Name == "MaxBy", [], 1);
                    var stage = new ScanStage(() => new FirstOrNull(top()), $"{call.Method.Name.ToLowerInvariant()}({ExpressionText.Of(byKey)})", true);
                    return (stage, 1, ExpressionFacts.FieldsRead(byKey));
                }
        }

        return (stream, 0, LogField.None);
    }

    /// <summary><c>OrderBy(k).ThenBy(...)</c> followed by <c>Take(n)</c> or <c>First()</c>: a top-k.</summary>
    private static (ScanStage, int, LogField)? Top(List<MethodCallExpression> calls, int i, LambdaExpression first, bool descending)
    {
        var then = new List<SortKey>();
        LogField fields = ExpressionFacts.FieldsRead(first);
        int j = i + 1;
        for (; j < calls.Count && calls[j].Method.Name is "ThenBy" or "ThenByDescending"; j++)
        {
            if (calls[j].Arguments.Count != 2 || Lambda(calls[j], 1) is not { } key)
            {
                return null;
            }

            fields |= ExpressionFacts.FieldsRead(key);
            then.Add((SortKey)typeof(SortKey).GetMethod(nameof(SortKey.Create))!.MakeGenericMethod(key.ReturnType)
                .Invoke(null, [key.Compile(), calls[j].Method.Name == "ThenByDescending", ExpressionText.Of(key)])!);
        }

        if (j >= calls.Count)
        {
            return null;
        }

        MethodCallExpression cut = calls[j];
        int? k = cut.Method.Name switch
        {
            "Take" when cut.Arguments[1] is ConstantExpression { Value: int n } => Math.Max(0, n),
            "First" or "FirstOrDefault" when cut.Arguments.Count == 1 => 1,
            _ => null,
        };
        if (k is null)
        {
            return null;
        }

        string order = string.Join(", ", then.Select(t => t.ToString()).Prepend(descending ? $"{ExpressionText.Of(first)} desc" : ExpressionText.Of(first)));
        var stage = new ScanStage(TopFactory(first, descending, then, k.Value), $"top {k} by {order}", true);

        // Take is done by the stage; First stays, to pick the one record out of the list.
        return (stage, cut.Method.Name == "Take" ? j - i + 1 : j - i, fields);
    }

    private static Func<PartialAggregate> TopFactory(LambdaExpression key, bool descending, List<SortKey> then, int k)
    {
        object value = ValueTranslator.Translate(key);
        return GenericFactory.Of<Func<object, bool, List<SortKey>, int, Func<PartialAggregate>>>(typeof(QueryPlanner), nameof(TopOf), key.ReturnType)(value, descending, then, k);
    }

    private static Func<PartialAggregate> GroupOf<TKey, TResult>(object key, IReadOnlyList<Func<PartialAggregate>> inner, Delegate result) =>
        () => new GroupAggregate<TKey, TResult>((RowValue<TKey>)key, inner, (Func<TKey?, object?[], TResult>)result);

    private static Func<PartialAggregate> SingleGroupOf<TKey, TResult>(object key, IReadOnlyList<Func<PartialAggregate>> inner, Delegate result) =>
        () => new SingleGroupAggregate<TKey, TResult>((TKey)key, inner, (Func<TKey?, object?[], TResult>)result);

    private static Func<PartialAggregate> TopOf<TKey>(object value, bool descending, List<SortKey> then, int k) =>
        () => new TopAggregate<TKey>((RowValue<TKey>)value, descending, then, k);

    private static ScanStage Scalar(Func<PartialAggregate> create, string description) =>
        new(create, description, true);

    /// <summary>The operators applied to the source, innermost first; empty for the source alone.</summary>
    private static List<MethodCallExpression> Chain(Expression expression)
    {
        var calls = new List<MethodCallExpression>();
        while (expression is MethodCallExpression call && call.Method.DeclaringType == typeof(Queryable))
        {
            calls.Add(call);
            expression = call.Arguments[0];
        }

        calls.Reverse();
        return calls;
    }

    /// <summary>The lambda argument at <paramref name="index"/>, unquoted; null when there is none.</summary>
    private static LambdaExpression? Lambda(MethodCallExpression call, int index) =>
        call.Arguments.Count > index && call.Arguments[index] is UnaryExpression { NodeType: ExpressionType.Quote, Operand: LambdaExpression lambda }
            ? lambda
            : null;

    private static RowPredicate? Combine(List<Expression<Func<LogRecord, bool>>> predicates)
    {
        RowPredicate? combined = null;
        foreach (Expression<Func<LogRecord, bool>> predicate in predicates)
        {
            RowPredicate translated = PredicateTranslator.Translate(predicate);
            combined = combined is null ? translated : new AndPredicate(combined, translated);
        }

        return combined;
    }

    /// <summary>The same operator without its predicate: <c>First(p)</c> becomes <c>First()</c>.</summary>
    private static MethodCallExpression WithoutPredicate(MethodCallExpression call)
    {
        Type element = call.Method.GetGenericArguments()[0];
        var plain = typeof(Queryable).GetMethods()
            .Single(m => m.Name == call.Method.Name && m.GetParameters().Length == 1)
            .MakeGenericMethod(element);
        return Expression.Call(plain, call.Arguments[0]);
    }

    /// <summary>The single record of a top-1, or null for an empty input (as <c>MaxBy</c> gives).</summary>
    private sealed class FirstOrNull(PartialAggregate top) : PartialAggregate
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override void Accept(ref Row row) => top.Accept(ref row);

        public override void Merge(PartialAggregate next) => top.Merge(((FirstOrNull)next).Top);

        public override void Rebase(long lineBase) => top.Rebase(lineBase);

        public override object? Result() => ((List<LogRecord>)top.Result()!).FirstOrDefault();

        private PartialAggregate Top => top;
    }
}

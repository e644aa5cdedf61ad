using System.Linq.Expressions;
using System.Numerics;
using LogLinq.Query.Aggregates;
using LogLinq.Query.Execution;

namespace LogLinq.Query.Planning;

/// <summary>Makes the partial aggregates of a selector's values: <c>Sum</c>, <c>Average</c>, <c>Min</c>, <c>Max</c>, <c>Distinct</c> and <c>Percentile</c>.</summary>
internal static class AggregateFactory
{
    /// <summary>
    /// Whether the aggregate's answer depends on the order values arrive in: floating-point sums
    /// round differently when parts are added up separately, so such a scan runs in file order.
    /// </summary>
    public static bool IsOrderSensitive(string name, Type type) =>
        name is "Sum" or "Average" && (type == typeof(double) || type == typeof(float) || type == typeof(double?));

    public static Func<PartialAggregate>? TryCreate(string name, LambdaExpression selector)
    {
        Type type = selector.ReturnType;
        switch (name)
        {
            case "Sum" or "Average" when type == typeof(int) && name == "Average":
                {
                    var value = new WidenedValue((RowValue<int>)ValueTranslator.Translate(selector));
                    return () => new SumAggregate<long>(value, average: true);
                }

            case "Sum" or "Average" when type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal):
                return GenericFactory.Of<Func<object, bool, Func<PartialAggregate>>>(typeof(AggregateFactory), nameof(Sum), type)(ValueTranslator.Translate(selector), name == "Average");

            // Values that may be missing: a duration's ticks (the query language's sum and avg of durations).
            case "Sum" or "Average" when type == typeof(long?) || type == typeof(double?) || type == typeof(decimal?):
                return GenericFactory.Of<Func<object, bool, Func<PartialAggregate>>>(typeof(AggregateFactory), nameof(NullableSum), Nullable.GetUnderlyingType(type)!)(
                    ValueTranslator.Translate(selector), name == "Average");

            case "Min" or "Max":
                return GenericFactory.Of<Func<object, bool, Func<PartialAggregate>>>(typeof(AggregateFactory), nameof(MinMax), type)(ValueTranslator.Translate(selector), name == "Max");

            default:
                return null;
        }
    }

    /// <summary>
    /// Makes the partial aggregate of <see cref="Percentiles"/>' <c>Percentile</c> of <paramref name="selector"/>'s
    /// values; null for a selector type it has no overload for.
    /// </summary>
    public static Func<PartialAggregate>? Percentile(LambdaExpression selector, double percent)
    {
        Type type = selector.ReturnType;
        object value = ValueTranslator.Translate(selector);
        if (type == typeof(long?))
        {
            return () => new PercentileAggregate<long?>((RowValue<long?>)value, v => v, p => Percentiles.ToInteger(p), percent);
        }

        if (type == typeof(double?))
        {
            return () => new PercentileAggregate<double?>((RowValue<double?>)value, v => v, p => p, percent);
        }

        if (type == typeof(TimeSpan?))
        {
            return () => new PercentileAggregate<TimeSpan?>((RowValue<TimeSpan?>)value, v => v?.Ticks, p => Percentiles.ToDuration(p), percent);
        }

        return null;
    }

    private static Func<PartialAggregate> Sum<T>(object value, bool average)
        where T : struct, INumber<T> =>
        () => new SumAggregate<T>((RowValue<T>)value, average);

    private static Func<PartialAggregate> NullableSum<T>(object value, bool average)
        where T : struct, INumber<T> =>
        () => new NullableSumAggregate<T>((RowValue<T?>)value, average);

    private static Func<PartialAggregate> MinMax<T>(object value, bool max) => () => new MinMaxAggregate<T>((RowValue<T>)value, max);

    /// <summary>Makes the partial aggregate for <c>Distinct()</c> (or, with <paramref name="countOnly"/>, a distinct count) of a value of type <paramref name="type"/>.</summary>
    public static Func<PartialAggregate> Distinct(Type type, object value, bool countOnly) =>
        GenericFactory.Of<Func<object, bool, Func<PartialAggregate>>>(typeof(AggregateFactory), nameof(DistinctOf), type)(value, countOnly);

    private static Func<PartialAggregate> DistinctOf<T>(object value, bool countOnly) => () => new DistinctAggregate<T>((RowValue<T>)value, countOnly);
}

using System.Linq.Expressions;
using LogLinq.Query.Aggregates;
using LogLinq.Query.Execution;

namespace LogLinq.Query.Planning;

/// <summary>Makes the partial aggregate for <c>Sum</c>, <c>Average</c>, <c>Min</c> or <c>Max</c> of a selector.</summary>
internal static class AggregateFactory
{
    /// <summary>
    /// Whether the aggregate's answer depends on the order values arrive in: floating-point sums
    /// round differently when parts are added up separately, so such a scan runs in file order.
    /// </summary>
    public static bool IsOrderSensitive(string name, Type type) =>
        name is "Sum" or "Average" && (type == typeof(double) || type == typeof(float));

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
                {
                    object value = ValueTranslator.Translate(selector);
                    Type aggregate = typeof(SumAggregate<>).MakeGenericType(type);
                    bool average = name == "Average";
                    return () => (PartialAggregate)Activator.CreateInstance(aggregate, value, average)!;
                }

            case "Min" or "Max":
                {
                    object value = ValueTranslator.Translate(selector);
                    Type aggregate = typeof(MinMaxAggregate<>).MakeGenericType(type);
                    bool max = name == "Max";
                    return () => (PartialAggregate)Activator.CreateInstance(aggregate, value, max)!;
                }

            default:
                return null;
        }
    }
}

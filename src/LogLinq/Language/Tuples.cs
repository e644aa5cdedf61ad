using System.Linq.Expressions;

namespace LogLinq.Language;

/// <summary>
/// Value tuples of any length as expressions: the key of a <c>distinct</c> or a <c>summarize</c> over
/// several values, compared by value as the planner's aggregates need. Past seven items the eighth
/// field, <c>Rest</c>, holds another tuple.
/// </summary>
internal static class Tuples
{
    private static readonly Type[] Definitions =
    [
        typeof(ValueTuple<>), typeof(ValueTuple<,>), typeof(ValueTuple<,,>), typeof(ValueTuple<,,,>),
        typeof(ValueTuple<,,,,>), typeof(ValueTuple<,,,,,>), typeof(ValueTuple<,,,,,,>), typeof(ValueTuple<,,,,,,,>),
    ];

    /// <summary>A new tuple of <paramref name="items"/>.</summary>
    public static NewExpression New(IReadOnlyList<Expression> items)
    {
        if (items.Count <= 7)
        {
            Type type = Definitions[items.Count - 1].MakeGenericType([.. items.Select(i => i.Type)]);
            return Expression.New(type.GetConstructors()[0], items);
        }

        NewExpression rest = New([.. items.Skip(7)]);
        Type full = Definitions[7].MakeGenericType([.. items.Take(7).Select(i => i.Type), rest.Type]);
        return Expression.New(full.GetConstructors()[0], [.. items.Take(7), rest]);
    }

    /// <summary>Item <paramref name="index"/> (from 0) of the tuple <paramref name="tuple"/>.</summary>
    public static Expression Item(Expression tuple, int index) =>
        index < 7 ? Expression.Field(tuple, $"Item{index + 1}") : Item(Expression.Field(tuple, "Rest"), index - 7);
}

using System.Linq.Expressions;
using LogLinq.Query.Planning;

namespace LogLinq.Tests.Query;

/// <summary>
/// A summarize's group row picked from its key and values without compiling: each row must be what
/// System.Linq.Expressions' own compiler makes of the same selector.
/// </summary>
public sealed class ResultCellsTests
{
    private static readonly ParameterExpression Values = Expression.Parameter(typeof(object[]), "values");

    private static Expression Value(int index, Type type) =>
        Expression.Convert(Expression.ArrayIndex(Values, Expression.Constant(index)), type);

    private static LambdaExpression Row(ParameterExpression key, params Expression[] cells) =>
        Expression.Lambda(Expression.NewArrayInit(typeof(object), cells.Select(c => Expression.Convert(c, typeof(object)))), key, Values);

    public static TheoryData<string> Shapes() => ["key and count", "tuple key", "eight-item key", "nullable values", "values only", "durations", "no durations"];

    // sum(duration) and avg(duration): the ticks' sum (long?) or average (double?), a duration again.
    private static Expression Duration(int index, Type ticks) =>
        Expression.Call(typeof(LogLinq.Language.QueryFunctions).GetMethod(nameof(LogLinq.Language.QueryFunctions.DurationOfTicks), [ticks])!, Value(index, ticks));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_row_of_key_items_and_values_is_what_the_compiled_selector_makes(string shape)
    {
        (LambdaExpression selector, object? key, object?[] values) = shape switch
        {
            "key and count" => Case(typeof(int), k => [k, Value(0, typeof(long))], 404, [3L]),
            "tuple key" => Case(
                typeof((string, int)),
                k => [Expression.Field(k, "Item2"), Value(1, typeof(double)), Expression.Field(k, "Item1"), Value(0, typeof(long))],
                ("10.0.0.1", 200),
                [7L, 2.5]),
            "eight-item key" => Case(
                typeof((int, int, int, int, int, int, int, string)),
                k => [Expression.Field(Expression.Field(k, "Rest"), "Item1"), Expression.Field(k, "Item7"), Value(0, typeof(int))],
                (1, 2, 3, 4, 5, 6, 7, "eighth"),
                [9]),
            "nullable values" => Case(typeof(string), k => [k, Value(0, typeof(int?)), Value(1, typeof(string))], null, [null, null]),
            "durations" => Case(typeof(string), k => [k, Duration(0, typeof(long?)), Duration(1, typeof(double?))], "/a", [2_000_000L, 666_666.5]),
            "no durations" => Case(typeof(string), k => [k, Duration(0, typeof(long?)), Duration(1, typeof(double?))], "/b", [0L, null]),
            _ => Case(typeof(bool), _ => [Value(1, typeof(DateTimeOffset)), Value(0, typeof(decimal))], true, [1.5m, DateTimeOffset.UnixEpoch]),
        };

        Delegate? picked = ResultCells.TryCreate(selector);

        picked.Should().NotBeNull().And.BeOfType(selector.Compile().GetType());
        object?[] expected = (object?[])selector.Compile().DynamicInvoke(key, values)!;
        ((object?[])picked!.DynamicInvoke(key, values)!).Should().Equal(expected);
    }

    [Fact]
    public void A_cell_computed_from_the_values_is_left_to_the_compiler()
    {
        ParameterExpression key = Expression.Parameter(typeof(int), "key");
        LambdaExpression doubled = Row(key, key, Expression.Multiply(Value(0, typeof(long)), Expression.Constant(2L)));
        LambdaExpression constant = Row(key, Expression.Constant("total"), Value(0, typeof(long)));
        LambdaExpression notAnArray = Expression.Lambda(Value(0, typeof(long)), key, Values);

        ResultCells.TryCreate(doubled).Should().BeNull();
        ResultCells.TryCreate(constant).Should().BeNull();
        ResultCells.TryCreate(notAnArray).Should().BeNull();
    }

    private static (LambdaExpression, object?, object?[]) Case(Type keyType, Func<ParameterExpression, Expression[]> cells, object? key, object?[] values)
    {
        ParameterExpression parameter = Expression.Parameter(keyType, "key");
        return (Row(parameter, cells(parameter)), key, values);
    }
}

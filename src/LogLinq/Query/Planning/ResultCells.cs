using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace LogLinq.Query.Planning;

/// <summary>
/// A group's result row, <c>(key, values) =&gt; new object[] { ... }</c> as <see cref="GroupResultRewriter"/>
/// leaves a <c>summarize</c>'s selector, when each cell is the key, an item of a tuple key or an
/// aggregate's value, boxed, or a sum or average of durations' ticks made a duration again (the query
/// language's <c>sum(duration)</c>, <c>avg(duration)</c>): the row is then picked from them, cell by
/// cell, with nothing compiled.
/// </summary>
// Compiling the selector was the first use of System.Linq.Expressions' compiler in a grouped query,
// 12-14 ms of its start (interpreting it, for one group, 2.5 ms).
internal static class ResultCells
{
    /// <summary>
    /// The selector as a delegate of its own type that picks the cells, or null when some cell is
    /// anything else (an expression of them, a constant...), which is then left to be compiled.
    /// </summary>
    public static Delegate? TryCreate(LambdaExpression result)
    {
        if (result.Parameters is not [var key, var values] || values.Type != typeof(object[])
            || result.Body is not NewArrayExpression { NodeType: ExpressionType.NewArrayInit } row || row.Type != typeof(object[]))
        {
            return null;
        }

        var cells = new Cell[row.Expressions.Count];
        for (int i = 0; i < cells.Length; i++)
        {
            if (row.Expressions[i] is not UnaryExpression { NodeType: ExpressionType.Convert, Operand: var cell } || CellOf(cell, key, values) is not { } found)
            {
                return null;
            }

            cells[i] = found;
        }

        Delegate picker = GenericFactory.Of<Func<Cell[], Delegate>>(typeof(ResultCells), nameof(PickerOf), key.Type)(cells);
        return picker.GetType() == result.Type ? picker : null;
    }

    /// <summary>What <paramref name="cell"/> (boxed to make the row's cell) is: the key, a tuple key's item, or a value.</summary>
    private static Cell? CellOf(Expression cell, ParameterExpression key, ParameterExpression values)
    {
        if (cell == key)
        {
            return new Cell(CellKind.Key, 0);
        }

        // An aggregate's value, converted to its type: the value is of that type already (or null).
        if (cell is UnaryExpression { NodeType: ExpressionType.Convert, Operand: BinaryExpression { NodeType: ExpressionType.ArrayIndex } slot }
            && slot.Left == values && slot.Right is ConstantExpression { Value: int index })
        {
            return new Cell(CellKind.Value, index);
        }

        // QueryFunctions.DurationOfTicks of an aggregate's value: the ticks' sum (long?) or average (double?).
        if (cell is MethodCallExpression { Method: { Name: nameof(Language.QueryFunctions.DurationOfTicks) } method, Arguments: [var ticks] }
            && method.DeclaringType == typeof(Language.QueryFunctions) && CellOf(ticks, key, values) is { Kind: CellKind.Value } value)
        {
            return value with { Kind = CellKind.Duration };
        }

        return TupleItem(cell, key) is int item ? new Cell(CellKind.TupleItem, item) : null;
    }

    /// <summary>
    /// The index, among a tuple key's items counted across <c>Rest</c>, of <c>key.Item3</c> or
    /// <c>key.Rest.Item1</c>; null for anything else.
    /// </summary>
    private static int? TupleItem(Expression cell, ParameterExpression key)
    {
        if (cell is not MemberExpression { Member: FieldInfo field } member || !IsValueTuple(field.DeclaringType)
            || !field.Name.StartsWith("Item", StringComparison.Ordinal) || !int.TryParse(field.Name.AsSpan(4), out int number))
        {
            return null;
        }

        // Each Rest before it is seven items.
        int index = number - 1;
        for (Expression? outer = member.Expression; outer != key; outer = ((MemberExpression)outer).Expression)
        {
            if (outer is not MemberExpression { Member: FieldInfo { Name: "Rest" } rest } || !IsValueTuple(rest.DeclaringType))
            {
                return null;
            }

            index += 7;
        }

        return index;
    }

    private static bool IsValueTuple(Type? type) =>
        type is { IsGenericType: true } && type.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal);

    private static Delegate PickerOf<TKey>(Cell[] cells) => (Func<TKey, object?[], object?[]>)((key, values) => Pick(cells, key, values));

    private static object?[] Pick<TKey>(Cell[] cells, TKey key, object?[] values)
    {
        var row = new object?[cells.Length];
        for (int i = 0; i < row.Length; i++)
        {
            Cell cell = cells[i];
            row[i] = cell.Kind switch
            {
                CellKind.Key => key,
                CellKind.TupleItem => ((ITuple)key!)[cell.Index],
                CellKind.Duration => values[cell.Index] switch
                {
                    long ticks => Language.QueryFunctions.DurationOfTicks(ticks),
                    double ticks => Language.QueryFunctions.DurationOfTicks(ticks),
                    _ => null,
                },
                _ => values[cell.Index],
            };
        }

        return row;
    }

    private enum CellKind
    {
        Key,
        TupleItem,
        Value,
        Duration,
    }

    private readonly record struct Cell(CellKind Kind, int Index);
}

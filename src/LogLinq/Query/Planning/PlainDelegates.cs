using System.Linq.Expressions;
using System.Reflection;
using LogLinq.Language;

namespace LogLinq.Query.Planning;

/// <summary>
/// Delegates for the lambdas a plan leaves to LINQ to Objects, made without compiling when a lambda
/// only reads: the element itself (<c>x =&gt; x</c>), a cell of a result row
/// (<c>row =&gt; Cell&lt;long&gt;(row, 1)</c>, a <c>sort by</c> after a <c>summarize</c>), or a row
/// of those and of the element's properties (<c>r =&gt; new object[] { r.Host, r.Bytes }</c>, a
/// <c>select</c>). Each does what the compiled lambda would, as directly.
/// </summary>
// The query language's tails are nearly all of these shapes, and compiling one was the first use of
// System.Linq.Expressions' compiler: 13 ms of a short query's start (a tiny `summarize ... | sort by
// n desc | take 5`, against the same without the sort).
internal static class PlainDelegates
{
    /// <summary>The delegate for <paramref name="lambda"/>, of its type; null for any other lambda.</summary>
    public static Delegate? TryCreate(LambdaExpression lambda)
    {
        if (lambda.Parameters is not [var element])
        {
            return null;
        }

        Delegate? made = lambda.Body == element ? Make<Func<Delegate>>(nameof(Identity), element.Type)()
            : Cell(lambda.Body, element) is var (index, type) ? Make<Func<int, Delegate>>(nameof(CellOf), type)(index)
            : lambda.Body is NewArrayExpression { NodeType: ExpressionType.NewArrayInit } row && row.Type == typeof(object[]) ? Row(row, element)
            : null;
        return made?.GetType() == lambda.Type ? made : null;
    }

    /// <summary><c>new object[] { ... }</c> of cells each boxed from the element, a row cell of it or one of its properties.</summary>
    private static Delegate? Row(NewArrayExpression row, ParameterExpression element)
    {
        var cells = new Delegate[row.Expressions.Count];
        for (int i = 0; i < cells.Length; i++)
        {
            if (row.Expressions[i] is not UnaryExpression { NodeType: ExpressionType.Convert, Operand: var value } || Boxed(value, element) is not { } cell)
            {
                return null;
            }

            cells[i] = cell;
        }

        return Make<Func<Delegate[], Delegate>>(nameof(RowOf), element.Type)(cells);
    }

    /// <summary>A <c>Func&lt;TElement, object?&gt;</c> giving <paramref name="value"/> boxed; null for anything but the three kinds of cell.</summary>
    private static Delegate? Boxed(Expression value, ParameterExpression element)
    {
        if (value == element)
        {
            return Make<Func<Delegate>>(nameof(BoxedElement), element.Type)();
        }

        if (Cell(value, element) is var (index, type))
        {
            return Make<Func<int, Delegate>>(nameof(BoxedCell), type)(index);
        }

        return value is MemberExpression { Member: PropertyInfo { GetMethod: { IsStatic: false } getter }, Expression: var owner } && owner == element
            && getter.GetParameters().Length == 0 && getter.DeclaringType!.IsAssignableFrom(element.Type) && !element.Type.IsValueType
            ? Make<Func<MethodInfo, Delegate>>(nameof(BoxedProperty), element.Type, value.Type)(getter)
            : null;
    }

    /// <summary>The index and the type of <c>Cell&lt;T&gt;(element, index)</c>; null for anything else.</summary>
    private static (int Index, Type Type)? Cell(Expression body, ParameterExpression element) =>
        body is MethodCallExpression { Method: { Name: nameof(QueryFunctions.Cell), IsGenericMethod: true } method, Arguments: [var row, ConstantExpression { Value: int index }] }
        && method.DeclaringType == typeof(QueryFunctions) && row == element
            ? (index, method.GetGenericArguments()[0])
            : null;

    private static TFactory Make<TFactory>(string name, params Type[] types)
        where TFactory : Delegate =>
        GenericFactory.Of<TFactory>(typeof(PlainDelegates), name, types);

    private static Delegate Identity<T>() => (Func<T, T>)(static x => x);

    private static Delegate CellOf<T>(int index) => (Func<object?[], T?>)(row => QueryFunctions.Cell<T>(row, index));

    private static Delegate BoxedElement<TElement>() => (Func<TElement, object?>)(static x => x);

    private static Delegate BoxedCell<T>(int index) => (Func<object?[], object?>)(row => QueryFunctions.Cell<T>(row, index));

    private static Delegate BoxedProperty<TElement, T>(MethodInfo getter)
    {
        var read = getter.CreateDelegate<Func<TElement, T>>();

        // A property of a reference type needs no boxing: its getter is a Func<TElement, object?> as
        // it is (delegates are covariant in their result), one call a cell fewer.
        return typeof(T).IsValueType ? (Func<TElement, object?>)(x => read(x)) : read;
    }

    private static Delegate RowOf<TElement>(Delegate[] cells)
    {
        Func<TElement, object?>[] reads = [.. cells.Cast<Func<TElement, object?>>()];
        return (Func<TElement, object?[]>)(x =>
        {
            var row = new object?[reads.Length];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reads[i](x);
            }

            return row;
        });
    }
}

using System.Linq.Expressions;
using System.Reflection;

namespace LogLinq.Query.Planning;

/// <summary>
/// Applies the operators a plan leaves to LINQ to Objects by calling their <see cref="Enumerable"/>
/// twins directly, when each takes only constants or lambdas <see cref="PlainDelegates"/> can make
/// without compiling: <c>DefaultIfEmpty(row)</c> after a summarize without keys, <c>Take(n)</c>,
/// <c>Count()</c>, a <c>sort by</c> of a result's cells, a <c>select</c> of a record's fields.
/// <see cref="EnumerableQuery{T}"/> would compile the chain with System.Linq.Expressions' compiler
/// first, milliseconds of start-up that a short query notices; any other lambda is worth compiling,
/// and this declines.
/// </summary>
internal static class EnumerableCalls
{
    /// <summary>
    /// <paramref name="calls"/> (Queryable methods, each applied to the result of the one before)
    /// applied to <paramref name="source"/>; false, with nothing run, when a call takes anything but
    /// constants and plain lambdas besides its source, or has no Enumerable twin.
    /// </summary>
    public static bool TryApply(IReadOnlyList<MethodCallExpression> calls, object source, out object? result)
    {
        result = null;
        var methods = new MethodInfo[calls.Count];
        var arguments = new object?[calls.Count][];
        for (int i = 0; i < calls.Count; i++)
        {
            if (calls[i].Object is not null || Twin(calls[i].Method) is not { } twin)
            {
                return false;
            }

            arguments[i] = new object?[calls[i].Arguments.Count];
            for (int a = 1; a < arguments[i].Length; a++)
            {
                switch (calls[i].Arguments[a])
                {
                    case ConstantExpression constant:
                        arguments[i][a] = constant.Value;
                        break;
                    case UnaryExpression { NodeType: ExpressionType.Quote, Operand: LambdaExpression lambda } when PlainDelegates.TryCreate(lambda) is { } made:
                        arguments[i][a] = made;
                        break;
                    default:
                        return false;
                }
            }

            methods[i] = twin;
        }

        object? value = source;
        for (int i = 0; i < calls.Count; i++)
        {
            arguments[i][0] = value;

            // As a compiled call would: the operator's own exception, not reflection's wrapper.
            value = methods[i].Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, arguments[i], culture: null);
        }

        result = value;
        return true;
    }

    /// <summary>
    /// The Enumerable method that <paramref name="queryable"/> stands for: same name, same parameters
    /// but the source, a delegate where it takes an expression of one; null when there is none.
    /// </summary>
    private static MethodInfo? Twin(MethodInfo queryable)
    {
        if (queryable.DeclaringType != typeof(Queryable))
        {
            return null;
        }

        Type[] typeArguments = queryable.IsGenericMethod ? queryable.GetGenericArguments() : [];
        ParameterInfo[] wanted = queryable.GetParameters();
        foreach (MemberInfo member in typeof(Enumerable).GetMember(queryable.Name, MemberTypes.Method, BindingFlags.Public | BindingFlags.Static))
        {
            var candidate = (MethodInfo)member;
            if (candidate.IsGenericMethodDefinition != queryable.IsGenericMethod
                || (candidate.IsGenericMethodDefinition && candidate.GetGenericArguments().Length != typeArguments.Length))
            {
                continue;
            }

            MethodInfo method;
            try
            {
                method = candidate.IsGenericMethodDefinition ? candidate.MakeGenericMethod(typeArguments) : candidate;
            }
            catch (ArgumentException)
            {
                continue; // a twin's constraints the types do not meet: not this one
            }

            ParameterInfo[] parameters = method.GetParameters();
            if (parameters.Length == wanted.Length
                && parameters[0].ParameterType.IsAssignableFrom(wanted[0].ParameterType)
                && parameters.Skip(1).Select(p => p.ParameterType).SequenceEqual(wanted.Skip(1).Select(p => Unquoted(p.ParameterType))))
            {
                return method;
            }
        }

        return null;
    }

    /// <summary>The delegate type of an <c>Expression&lt;TDelegate&gt;</c> parameter; any other type as it is.</summary>
    private static Type Unquoted(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Expression<>) ? type.GetGenericArguments()[0] : type;
}

using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using LogLinq.Records;

namespace LogLinq.Query.Planning;

/// <summary>
/// A <c>select</c> that makes its value from the record's fields alone: one field
/// (<c>r =&gt; r.Path</c>), or a row, tuple or anonymous object of fields and constants
/// (<c>r =&gt; new object[] { r.Host, r.Bytes }</c>, <c>r =&gt; new { r.Host, r.Time }</c>,
/// <c>r =&gt; (r.Path, r.Status)</c>). Such a lambda keeps nothing of the record (every field is a
/// string or a value, made afresh), so it may read a view rebound to each line; and it calls no code
/// but the record's getters and the constructors of those types, so it may run on any thread.
/// </summary>
internal static class FieldProjection
{
    /// <summary>Whether <paramref name="lambda"/> is such a projection of a <see cref="LogRecord"/>.</summary>
    public static bool IsOf(LambdaExpression lambda) =>
        lambda.Parameters is [var record] && record.Type == typeof(LogRecord) && Reads(lambda.Body, record, top: true);

    private static bool Reads(Expression node, ParameterExpression record, bool top = false) => node switch
    {
        MemberExpression { Member: PropertyInfo { PropertyType: var type }, Expression: var owner } => owner == record && (type == typeof(string) || type.IsValueType),
        UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked, Method: null, Operand: var operand } => Reads(operand, record),
        ConstantExpression => !top,
        NewArrayExpression { NodeType: ExpressionType.NewArrayInit, Expressions: var items } => items.All(item => Reads(item, record)),
        NewExpression { Constructor.DeclaringType: { } type, Arguments: var arguments } => IsPlainHolder(type) && arguments.All(argument => Reads(argument, record)),
        _ => false,
    };

    /// <summary>A type whose constructor only keeps its arguments: an anonymous type, a tuple.</summary>
    private static bool IsPlainHolder(Type type) =>
        (type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && type.Name.Contains("AnonymousType", StringComparison.Ordinal))
        || type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true
        || type.FullName?.StartsWith("System.Tuple`", StringComparison.Ordinal) == true;
}

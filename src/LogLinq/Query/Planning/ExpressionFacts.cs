using System.Linq.Expressions;
using System.Reflection;
using LogLinq.Records;

namespace LogLinq.Query.Planning;

/// <summary>Small questions the planner asks of expression trees.</summary>
internal static class ExpressionFacts
{
    private static readonly Dictionary<string, LogField> Fields = new(StringComparer.Ordinal)
    {
        [nameof(LogRecord.Host)] = LogField.Host,
        [nameof(LogRecord.Ident)] = LogField.Ident,
        [nameof(LogRecord.User)] = LogField.User,
        [nameof(LogRecord.Time)] = LogField.Time,
        [nameof(LogRecord.Method)] = LogField.Method,
        [nameof(LogRecord.Path)] = LogField.Path,
        [nameof(LogRecord.Protocol)] = LogField.Protocol,
        [nameof(LogRecord.Status)] = LogField.Status,
        [nameof(LogRecord.Bytes)] = LogField.Bytes,
        [nameof(LogRecord.Referrer)] = LogField.Referrer,
        [nameof(LogRecord.UserAgent)] = LogField.UserAgent,
        [nameof(LogRecord.VirtualHost)] = LogField.VirtualHost,
        [nameof(LogRecord.Duration)] = LogField.Duration,
        [nameof(LogRecord.File)] = LogField.File,
        [nameof(LogRecord.LineNumber)] = LogField.LineNumber,
    };

    /// <summary>The field <paramref name="e"/> reads when it is <c>r.Field</c> on the record parameter.</summary>
    public static bool IsField(Expression e, ParameterExpression record, out LogField field)
    {
        field = LogField.None;
        return e is MemberExpression { Member: PropertyInfo property } member
            && member.Expression == record
            && Fields.TryGetValue(property.Name, out field);
    }

    /// <summary><paramref name="e"/> without conversions between numeric types that keep every value.</summary>
    public static Expression StripWideningConvert(Expression e)
    {
        while (e is UnaryExpression { NodeType: ExpressionType.Convert } convert
               && IsIntegral(convert.Type) && IsIntegral(convert.Operand.Type)
               && Width(convert.Type) >= Width(convert.Operand.Type))
        {
            e = convert.Operand;
        }

        return e;
    }

    /// <summary><paramref name="e"/> with <paramref name="replacement"/> wherever <paramref name="parameter"/> stood.</summary>
    public static Expression Substitute(Expression e, ParameterExpression parameter, Expression replacement) =>
        new ParameterReplacer(parameter, replacement).Visit(e);

    /// <summary>
    /// The query inside a final Enumerable call such as <c>ToList()</c> (which is not Queryable's and
    /// so not the planner's), and that call; <paramref name="e"/> itself when there is none.
    /// </summary>
    public static Expression WithoutFinalEnumerableCall(Expression e, out MethodCallExpression? final)
    {
        final = e is MethodCallExpression { Arguments.Count: > 0 } call && call.Method.DeclaringType != typeof(Queryable)
            && typeof(IQueryable).IsAssignableFrom(call.Arguments[0].Type)
            ? call
            : null;
        return final?.Arguments[0] ?? e;
    }

    /// <summary>Whether <paramref name="e"/> mentions <paramref name="parameter"/>.</summary>
    public static bool Mentions(Expression e, ParameterExpression parameter)
    {
        var finder = new ParameterFinder(parameter);
        finder.Visit(e);
        return finder.Found;
    }

    /// <summary>
    /// Evaluates a subexpression that does not depend on the lambda's parameter (a constant, a
    /// captured variable), so the planner can treat it as a constant.
    /// </summary>
    public static object? Evaluate(Expression e) => e switch
    {
        ConstantExpression constant => constant.Value,
        MemberExpression { Member: FieldInfo field, Expression: var target } =>
            field.GetValue(target is null ? null : Evaluate(target)),
        MemberExpression { Member: PropertyInfo property, Expression: var target } =>
            property.GetValue(target is null ? null : Evaluate(target)),
        _ => Expression.Lambda<Func<object?>>(Expression.Convert(e, typeof(object))).Compile(preferInterpretation: true)(),
    };

    /// <summary>The record fields a lambda reads; <see cref="LogField.Record"/> when it uses the record some other way.</summary>
    public static LogField FieldsRead(LambdaExpression lambda)
    {
        var collector = new FieldCollector(lambda.Parameters[0]);
        collector.Visit(lambda.Body);
        return collector.Fields;
    }

    public static bool IsIntegral(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(sbyte)
        || t == typeof(byte) || t == typeof(ushort) || t == typeof(uint);

    private static int Width(Type t) =>
        t == typeof(long) ? 64 : t == typeof(int) || t == typeof(uint) ? 32 : t == typeof(short) || t == typeof(ushort) ? 16 : 8;

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }

    private sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= node == parameter;
            return node;
        }
    }

    private sealed class FieldCollector(ParameterExpression record) : ExpressionVisitor
    {
        public LogField Fields { get; private set; }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (IsField(node, record, out LogField field))
            {
                Fields |= field;
                return node;
            }

            return base.VisitMember(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (node == record)
            {
                Fields |= LogField.Record;
            }

            return node;
        }
    }
}

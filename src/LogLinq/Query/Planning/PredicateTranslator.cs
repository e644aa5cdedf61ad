using System.Linq.Expressions;
using System.Reflection;
using LogLinq.Query.Execution;
using LogLinq.Records;

namespace LogLinq.Query.Planning;

/// <summary>
/// Turns a <c>Where</c> lambda into a <see cref="RowPredicate"/> tree: comparisons of fields with
/// constants become conditions on the raw bytes; whatever else there is stays C#, compiled, and runs
/// on a record, in the same place in the tree so evaluation order is kept.
/// </summary>
internal static class PredicateTranslator
{
    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo StartsWithComparison = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo EndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;
    private static readonly MethodInfo EndsWithComparison = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo ContainsComparison = typeof(string).GetMethod(nameof(string.Contains), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo InstanceEquals = typeof(string).GetMethod(nameof(string.Equals), [typeof(string)])!;
    private static readonly MethodInfo StaticEquals = typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string)])!;

    public static RowPredicate Translate(Expression<Func<LogRecord, bool>> lambda) =>
        Translate(lambda.Body, lambda.Parameters[0]);

    private static RowPredicate Translate(Expression e, ParameterExpression r)
    {
        switch (e)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso } and:
                return new AndPredicate(Translate(and.Left, r), Translate(and.Right, r));
            case BinaryExpression { NodeType: ExpressionType.OrElse } or:
                return new OrPredicate(Translate(or.Left, r), Translate(or.Right, r));
            case UnaryExpression { NodeType: ExpressionType.Not, Method: null } not when not.Type == typeof(bool):
                return new NotPredicate(Translate(not.Operand, r));
            case BinaryExpression binary when TryComparison(binary, r) is { } comparison:
                return comparison;
            case MethodCallExpression call when TryTextCall(call, r) is { } text:
                return text;
            default:
                return Residual(e, r);
        }
    }

    private static RowPredicate Residual(Expression e, ParameterExpression r)
    {
        var lambda = Expression.Lambda<Func<LogRecord, bool>>(e, r);
        bool readsFieldsOnly = (ExpressionFacts.FieldsRead(lambda) & LogField.Record) == 0;
        return new LambdaPredicate(lambda.Compile(), ExpressionText.Of(e), readsFieldsOnly);
    }

    private static RowPredicate? TryComparison(BinaryExpression binary, ParameterExpression r)
    {
        if (ToKind(binary.NodeType) is not { } kind)
        {
            return null;
        }

        // Field on either side, a constant on the other.
        Expression left = ExpressionFacts.StripWideningConvert(binary.Left);
        Expression right = ExpressionFacts.StripWideningConvert(binary.Right);
        if (!ExpressionFacts.IsField(left, r, out LogField field))
        {
            (left, right) = (right, left);
            kind = Comparison.Mirror(kind);
            if (!ExpressionFacts.IsField(left, r, out field))
            {
                return null;
            }
        }

        if (ExpressionFacts.Mentions(right, r))
        {
            return null;
        }

        object? value = ExpressionFacts.Evaluate(right);
        switch (field)
        {
            case LogField.Status or LogField.Bytes when value is not null && ExpressionFacts.IsIntegral(value.GetType()):
                return new NumberPredicate(field, kind, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            case LogField.Time when value is DateTimeOffset time:
                return new TimePredicate(kind, time);
            case LogField.Duration when right.Type == typeof(TimeSpan?) || right.Type == typeof(TimeSpan):
                return new DurationPredicate(kind, (TimeSpan?)value);
            case LogField.Host or LogField.Ident or LogField.User or LogField.Method or LogField.Path
                or LogField.Protocol or LogField.Referrer or LogField.UserAgent or LogField.VirtualHost
                when right.Type == typeof(string) && kind is ComparisonKind.Equal or ComparisonKind.NotEqual
                     && IsPushable(value as string):
                return new TextPredicate(field, kind == ComparisonKind.Equal ? TextMatch.Equals : TextMatch.NotEquals, (string?)value);
            default:
                return null;
        }
    }

    private static RowPredicate? TryTextCall(MethodCallExpression call, ParameterExpression r)
    {
        MethodInfo m = call.Method;
        TextMatch? match =
            (m == StartsWith || m == EndsWith) && !CultureComparisonIsOrdinal ? null
            : m == StartsWith ? TextMatch.StartsWith
            : m == EndsWith ? TextMatch.EndsWith
            : m == Contains ? TextMatch.Contains
            : m == InstanceEquals ? TextMatch.Equals
            : (m == StartsWithComparison || m == EndsWithComparison || m == ContainsComparison) && IsOrdinal(call.Arguments[1], r)
                ? (m == StartsWithComparison ? TextMatch.StartsWith : m == EndsWithComparison ? TextMatch.EndsWith : TextMatch.Contains)
            : null;

        Expression? target = call.Object;
        Expression? argument = call.Arguments.Count > 0 ? call.Arguments[0] : null;
        if (m == StaticEquals)
        {
            match = TextMatch.Equals;
            (target, argument) = ExpressionFacts.IsField(call.Arguments[0], r, out _)
                ? (call.Arguments[0], call.Arguments[1])
                : (call.Arguments[1], call.Arguments[0]);
        }

        if (match is null || target is null || argument is null
            || !ExpressionFacts.IsField(target, r, out LogField field) || field is LogField.File
            || ExpressionFacts.Mentions(argument, r))
        {
            return null;
        }

        // r.Referrer.Equals(x) throws on a line without a referrer (so for agent and vhost); only the static form is null-safe.
        if (m == InstanceEquals && field is LogField.Referrer or LogField.UserAgent or LogField.VirtualHost)
        {
            return null;
        }

        string? value = (string?)ExpressionFacts.Evaluate(argument);

        // string.StartsWith(null) throws; leave that to C# so the error is the same.
        if ((value is null && match != TextMatch.Equals) || !IsPushable(value))
        {
            return null;
        }

        return new TextPredicate(field, match.Value, value);
    }

    /// <summary>
    /// Whether culture-sensitive comparison is ordinal in this process (invariant globalization
    /// mode). With ICU, <c>StartsWith(string)</c> ignores characters such as a soft hyphen, which a
    /// byte comparison cannot know, so it is left to C#.
    /// </summary>
    private static bool CultureComparisonIsOrdinal { get; } =
        !"\u00ADx".StartsWith("x", StringComparison.InvariantCulture);

    private static bool IsOrdinal(Expression comparison, ParameterExpression r) =>
        !ExpressionFacts.Mentions(comparison, r) && ExpressionFacts.Evaluate(comparison) is StringComparison.Ordinal;

    /// <summary>
    /// A constant the raw bytes can be compared with: culture-sensitive <c>StartsWith</c> agrees with
    /// ordinal comparison only for plain printable ASCII, and U+FFFD may stand for invalid bytes.
    /// </summary>
    private static bool IsPushable(string? value) =>
        value is null || value.AsSpan().IndexOfAnyExceptInRange(' ', '~') < 0;

    private static ComparisonKind? ToKind(ExpressionType type) => type switch
    {
        ExpressionType.Equal => ComparisonKind.Equal,
        ExpressionType.NotEqual => ComparisonKind.NotEqual,
        ExpressionType.LessThan => ComparisonKind.LessThan,
        ExpressionType.LessThanOrEqual => ComparisonKind.LessThanOrEqual,
        ExpressionType.GreaterThan => ComparisonKind.GreaterThan,
        ExpressionType.GreaterThanOrEqual => ComparisonKind.GreaterThanOrEqual,
        _ => null,
    };
}

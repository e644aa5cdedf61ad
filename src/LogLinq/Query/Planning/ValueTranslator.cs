using System.Linq.Expressions;
using LogLinq.Query.Execution;
using LogLinq.Records;

namespace LogLinq.Query.Planning;

/// <summary>Turns a selector lambda into a <see cref="RowValue{T}"/>: a field read, a time window, or compiled C#.</summary>
internal static class ValueTranslator
{
    public static RowValue<T> Translate<T>(Expression<Func<LogRecord, T>> selector)
    {
        ParameterExpression r = selector.Parameters[0];
        if (ExpressionFacts.IsField(selector.Body, r, out LogField field)
            && FieldValue.TryCreate(field, typeof(T)) is RowValue<T> value)
        {
            return value;
        }

        // (double?)r.Bytes, a percentile's number, from the parsed field.
        if (selector.Body is UnaryExpression { NodeType: ExpressionType.Convert, Operand: var operand }
            && ExpressionFacts.IsField(operand, r, out LogField numeric)
            && FieldValue.TryCreate(numeric, operand.Type) is { } parsed
            && FieldValue.AsNumber(parsed, typeof(T)) is RowValue<T> number)
        {
            return number;
        }

        // bin(time, 1h), the key of a summarize by time window.
        if (selector.Body is MethodCallExpression { Method: var bin, Arguments: [var time, ConstantExpression { Value: TimeSpan size }] }
            && bin == BinOfTime && ExpressionFacts.IsField(time, r, out LogField timeField) && timeField == LogField.Time
            && FieldValue.BinnedTime(size) is RowValue<T> window)
        {
            return window;
        }

        bool readsFieldsOnly = (ExpressionFacts.FieldsRead(selector) & LogField.Record) == 0;
        return new LambdaValue<T>(selector.Compile(), ExpressionText.Of(selector.Body), readsFieldsOnly);
    }

    /// <summary>Translates an untyped selector of type <c>Func&lt;LogRecord, T&gt;</c>.</summary>
    public static object Translate(LambdaExpression selector) =>
        GenericFactory.Of<Func<LambdaExpression, object>>(typeof(ValueTranslator), nameof(TranslateAs), selector.ReturnType)(selector);

    private static object TranslateAs<T>(LambdaExpression selector) => Translate((Expression<Func<LogRecord, T>>)selector);

    private static readonly System.Reflection.MethodInfo BinOfTime =
        typeof(Language.QueryFunctions).GetMethod(nameof(Language.QueryFunctions.Bin), [typeof(DateTimeOffset), typeof(TimeSpan)])!;
}

using System.Globalization;
using LogLinq.Language.Syntax;

namespace LogLinq.Tests.Language;

/// <summary>
/// A syntax tree as a compact, fully parenthesised line, so grammar tests can say what tree a query
/// makes in one readable string: <c>where status == 404 | count</c> is <c>(where (== status 404)) (count)</c>.
/// </summary>
internal static class SyntaxText
{
    public static string Of(QuerySyntax query)
    {
        var parts = new List<string>();
        if (query.Source is { } source)
        {
            string globs = source.StandardInput ? "-" : string.Join(" ", source.Globs.Select(Of));
            parts.Add(source switch
            {
                { XmlElement: { } element } => $"(from {globs} as xml({element}))",
                { Directive: { } directive } => $"(from {globs} as {directive.Server}({directive.Directive}))",
                { Format: { } format } => $"(from {globs} as {format})",
                _ => $"(from {globs})",
            });
        }

        parts.AddRange(query.Stages.Select(Of));
        return string.Join(" ", parts);
    }

    public static string Of(StageSyntax stage) => stage switch
    {
        WhereSyntax where => $"(where {Of(where.Condition)})",
        SelectSyntax select => $"(select {Columns(select.Columns)})",
        DistinctSyntax distinct => distinct.Columns.Count == 0 ? "(distinct)" : $"(distinct {Columns(distinct.Columns)})",
        CountSyntax => "(count)",
        SummarizeSyntax summarize => $"(summarize {string.Join(" ", summarize.Aggregates.Select(Of))}"
            + (summarize.Keys.Count == 0 ? ")" : $" by {Columns(summarize.Keys)})"),
        SortSyntax sort => $"(sort {string.Join(" ", sort.Keys.Select(Of))})",
        TopSyntax top => $"(top {Of(top.Count)} {Of(top.Key)})",
        TakeSyntax take => $"(take {Of(take.Count)})",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    public static string Of(ExpressionSyntax expression) => expression switch
    {
        LiteralSyntax { Value: null } => "null",
        LiteralSyntax { Value: string text } => $"\"{text}\"",
        LiteralSyntax { Value: bool b } => b ? "true" : "false",
        LiteralSyntax { Value: DateTimeOffset time } => time.ToString("O", CultureInfo.InvariantCulture),
        LiteralSyntax { Value: TimeSpan duration } => $"{duration.ToString("c", CultureInfo.InvariantCulture)}",
        LiteralSyntax { Value: double d } => d.ToString("0.0###", CultureInfo.InvariantCulture),
        LiteralSyntax literal => Convert.ToString(literal.Value, CultureInfo.InvariantCulture)!,
        NameSyntax name => name.Name,
        ParameterSyntax parameter => "$" + parameter.Name,
        UnarySyntax unary => $"({(unary.Operator == UnaryOperator.Not ? "not" : "-")} {Of(unary.Operand)})",
        BinarySyntax binary => $"({Symbol(binary.Operator)} {Of(binary.Left)} {Of(binary.Right)})",
        CallSyntax call => $"({call.Function}{string.Concat(call.Arguments.Select(a => " " + Of(a)))})",
        InSyntax @in => $"(in {Of(@in.Value)}{string.Concat(@in.Candidates.Select(a => " " + Of(a)))})",
        _ => throw new ArgumentOutOfRangeException(nameof(expression), expression, null),
    };

    private static string Of(AggregateSyntax aggregate) =>
        $"({aggregate.Function}{(aggregate.Argument is null ? "" : " " + Of(aggregate.Argument))})"
        + (aggregate.Alias is null ? "" : $" as {aggregate.Alias}");

    private static string Of(OrderSyntax order) =>
        Of(order.Key) + (order.Descending switch { true => " desc", false => " asc", null => "" });

    private static string Columns(IReadOnlyList<ColumnSyntax> columns) =>
        string.Join(", ", columns.Select(c => c.Alias is null ? Of(c.Value) : $"{Of(c.Value)} as {c.Alias}"));

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "or",
        BinaryOperator.And => "and",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Contains => "contains",
        BinaryOperator.StartsWith => "startswith",
        BinaryOperator.EndsWith => "endswith",
        BinaryOperator.Matches => "matches",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}

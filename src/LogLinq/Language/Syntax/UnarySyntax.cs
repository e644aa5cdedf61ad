namespace LogLinq.Language.Syntax;

/// <summary><c>not e</c> or <c>-e</c>.</summary>
internal sealed record UnarySyntax(UnaryOperator Operator, ExpressionSyntax Operand) : ExpressionSyntax;

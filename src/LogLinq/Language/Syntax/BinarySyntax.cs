namespace LogLinq.Language.Syntax;

/// <summary><c>left op right</c>.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
/// <param name="OperatorSpan">Where the operator is written: type errors point at it.</param>
internal sealed record BinarySyntax(BinaryOperator Operator, ExpressionSyntax Left, ExpressionSyntax Right, SourceSpan OperatorSpan) : ExpressionSyntax;

namespace LogLinq.Language.Syntax;

/// <summary><c>e [asc|desc]</c>: a sort key.</summary>
/// <param name="Key">What rows are ordered by.</param>
/// <param name="Descending">True for <c>desc</c>, false for <c>asc</c>, null when neither was written.</param>
internal sealed record OrderSyntax(ExpressionSyntax Key, bool? Descending) : SyntaxNode;

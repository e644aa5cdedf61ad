namespace LogLinq.Language.Syntax;

/// <summary><c>e [as name]</c>: a value and, optionally, the name of its column.</summary>
internal sealed record ColumnSyntax(ExpressionSyntax Value, string? Alias) : SyntaxNode;

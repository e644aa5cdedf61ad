namespace LogLinq.Language.Syntax;

/// <summary>An expression: a value computed for each row.</summary>
internal abstract record ExpressionSyntax : SyntaxNode;

namespace LogLinq.Language.Syntax;

/// <summary><c>e in (a, b, ...)</c>: whether the value equals one of the candidates.</summary>
internal sealed record InSyntax(ExpressionSyntax Value, IReadOnlyList<ExpressionSyntax> Candidates) : ExpressionSyntax;

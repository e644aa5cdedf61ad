namespace LogLinq.Language.Syntax;

/// <summary>A field of the records (<c>status</c>) or a column named by an earlier stage.</summary>
internal sealed record NameSyntax(string Name) : ExpressionSyntax;

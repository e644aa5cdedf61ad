namespace LogLinq.Language.Syntax;

/// <summary><c>$name</c>: a value given when the query is run, typed by where it is used.</summary>
/// <param name="Name">The name without the <c>$</c>.</param>
internal sealed record ParameterSyntax(string Name) : ExpressionSyntax;

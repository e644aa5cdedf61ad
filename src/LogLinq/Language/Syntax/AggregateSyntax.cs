namespace LogLinq.Language.Syntax;

/// <summary><c>count()</c>, <c>sum(e)</c>, <c>avg(e)</c>, <c>min(e)</c>, <c>max(e)</c> or <c>dcount(e)</c>, optionally named.</summary>
/// <param name="Function">The aggregate's name, lower case.</param>
/// <param name="Argument">What it aggregates; null for <c>count()</c>.</param>
/// <param name="Alias">The column's name, when given with <c>as</c>.</param>
internal sealed record AggregateSyntax(string Function, ExpressionSyntax? Argument, string? Alias) : SyntaxNode;

namespace LogLinq.Language.Syntax;

/// <summary><c>where condition</c>: keeps the rows for which the condition is true.</summary>
internal sealed record WhereSyntax(ExpressionSyntax Condition) : StageSyntax
{
    public override string Keyword => "where";
}

namespace LogLinq.Language.Syntax;

/// <summary><c>count</c>: the number of rows, as the query's single answer.</summary>
internal sealed record CountSyntax : StageSyntax
{
    public override string Keyword => "count";
}

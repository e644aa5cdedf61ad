namespace LogLinq.Language.Syntax;

/// <summary><c>take N</c>: the first N rows; reading stops once they are found.</summary>
/// <param name="Count">An integer literal or a parameter.</param>
internal sealed record TakeSyntax(ExpressionSyntax Count) : StageSyntax
{
    public override string Keyword => "take";
}

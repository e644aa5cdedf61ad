namespace LogLinq.Language.Syntax;

/// <summary><c>top N by e [asc|desc]</c>: the first N rows in that order, largest first unless asc.</summary>
/// <param name="Count">An integer literal or a parameter.</param>
/// <param name="Key">The order.</param>
internal sealed record TopSyntax(ExpressionSyntax Count, OrderSyntax Key) : StageSyntax
{
    public override string Keyword => "top";
}

namespace LogLinq.Language.Syntax;

/// <summary><c>sort by e [asc|desc], ...</c>: orders the rows; ties keep their order.</summary>
internal sealed record SortSyntax(IReadOnlyList<OrderSyntax> Keys) : StageSyntax
{
    public override string Keyword => "sort";
}

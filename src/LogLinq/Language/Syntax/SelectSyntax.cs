namespace LogLinq.Language.Syntax;

/// <summary><c>select e [as name], ...</c>: the columns the rows have from here on.</summary>
internal sealed record SelectSyntax(IReadOnlyList<ColumnSyntax> Columns) : StageSyntax
{
    public override string Keyword => "select";
}

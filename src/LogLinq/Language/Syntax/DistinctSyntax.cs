namespace LogLinq.Language.Syntax;

/// <summary><c>distinct [e, ...]</c>: each different combination of the values once, in order of first appearance.</summary>
/// <param name="Columns">The values compared; empty to compare whole rows.</param>
internal sealed record DistinctSyntax(IReadOnlyList<ColumnSyntax> Columns) : StageSyntax
{
    public override string Keyword => "distinct";
}

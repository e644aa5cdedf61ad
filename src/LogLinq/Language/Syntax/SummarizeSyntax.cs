namespace LogLinq.Language.Syntax;

/// <summary><c>summarize aggregate, ... [by key, ...]</c>: one row per group, keys first, then the aggregates.</summary>
/// <param name="Aggregates">What to compute for each group.</param>
/// <param name="Keys">What rows are grouped by; empty for one group of every row.</param>
internal sealed record SummarizeSyntax(IReadOnlyList<AggregateSyntax> Aggregates, IReadOnlyList<ColumnSyntax> Keys) : StageSyntax
{
    public override string Keyword => "summarize";
}

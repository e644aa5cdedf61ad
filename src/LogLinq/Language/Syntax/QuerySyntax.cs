namespace LogLinq.Language.Syntax;

/// <summary>A whole query: where the records come from, then the stages they flow through, in order.</summary>
/// <param name="Source">The <c>from</c> clause; null when the query leaves it to the caller's default.</param>
/// <param name="Stages">The stages after it, separated by <c>|</c> in the text.</param>
internal sealed record QuerySyntax(SourceSyntax? Source, IReadOnlyList<StageSyntax> Stages) : SyntaxNode;

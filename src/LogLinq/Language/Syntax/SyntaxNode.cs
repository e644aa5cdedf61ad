namespace LogLinq.Language.Syntax;

/// <summary>A node of the query's syntax tree; it knows where it was written, so errors can point at it.</summary>
internal abstract record SyntaxNode
{
    /// <summary>Where the node is in the query text.</summary>
    public SourceSpan Span { get; init; }
}

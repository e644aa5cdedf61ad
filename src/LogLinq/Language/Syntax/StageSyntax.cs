namespace LogLinq.Language.Syntax;

/// <summary>One stage of the pipeline, between two <c>|</c>.</summary>
internal abstract record StageSyntax : SyntaxNode
{
    /// <summary>The keyword that starts the stage, as messages name it.</summary>
    public abstract string Keyword { get; }
}

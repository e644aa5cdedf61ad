namespace LogLinq.Language.Syntax;

/// <summary>
/// <c>from "glob", ... [as format | as xml(element) | as apache("...") | as nginx('...')]</c> or <c>from -</c>: the files (or standard
/// input) to read and how they are written.
/// </summary>
/// <param name="Globs">String literals or parameters naming the files; empty for standard input.</param>
/// <param name="Format">The log format's name, lower case; null to detect it per file, or for XML.</param>
/// <param name="XmlElement">For <c>as xml(element)</c>, the name of the elements that are records; null for logs.</param>
/// <param name="Directive">For <c>as apache("...")</c> or <c>as nginx('...')</c>, the server's format; null otherwise.</param>
internal sealed record SourceSyntax(IReadOnlyList<ExpressionSyntax> Globs, string? Format, string? XmlElement = null, FormatDirectiveSyntax? Directive = null) : SyntaxNode
{
    /// <summary>Whether the source is <c>-</c>, standard input, rather than files.</summary>
    public bool StandardInput { get; init; }
}

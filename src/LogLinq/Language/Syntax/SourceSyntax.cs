namespace LogLinq.Language.Syntax;

/// <summary><c>from "glob", ... [as format]</c>: the files to read and how their lines are written.</summary>
/// <param name="Globs">String literals or parameters naming the files.</param>
/// <param name="Format">The log format's name, lower case; null to detect it per file.</param>
internal sealed record SourceSyntax(IReadOnlyList<ExpressionSyntax> Globs, string? Format) : SyntaxNode;

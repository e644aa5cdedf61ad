namespace LogLinq.Language.Syntax;

/// <summary>
/// <c>apache("%h %l ...")</c> or <c>nginx('$remote_addr ...')</c> after <c>as</c>: a server's own log
/// format, as its configuration writes it. The span is the string's, so a mistake in the format is
/// pointed at inside it.
/// </summary>
/// <param name="Server">The server whose format language it is: <c>apache</c> or <c>nginx</c>.</param>
/// <param name="Directive">The format, its escapes read.</param>
internal sealed record FormatDirectiveSyntax(string Server, string Directive) : SyntaxNode;

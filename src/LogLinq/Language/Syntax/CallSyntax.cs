namespace LogLinq.Language.Syntax;

/// <summary><c>name(arg, ...)</c>: a function applied to values.</summary>
/// <param name="Function">The function's name as written.</param>
/// <param name="Arguments">The arguments, in order.</param>
internal sealed record CallSyntax(string Function, IReadOnlyList<ExpressionSyntax> Arguments) : ExpressionSyntax;

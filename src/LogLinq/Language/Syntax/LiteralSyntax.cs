namespace LogLinq.Language.Syntax;

/// <summary>
/// A constant written in the query: a <see cref="long"/> (integers and sizes), a <see cref="double"/>,
/// a <see cref="string"/>, a <see cref="DateTimeOffset"/>, a <see cref="TimeSpan"/>, a <see cref="bool"/>, or null.
/// </summary>
internal sealed record LiteralSyntax(object? Value) : ExpressionSyntax;

using LogLinq.Language.Syntax;
using Sprache;

namespace LogLinq.Language;

/// <summary>The few combinators the grammar needs beyond Sprache's own.</summary>
internal static class ParserCombinators
{
    /// <summary>
    /// <paramref name="parser"/>, failing where it started when it fails: a token either matches
    /// whole or not at all, so <c>XOr</c> and <c>XMany</c> report a half-written construct rather than
    /// a token that merely did not match.
    /// </summary>
    public static Parser<T> Atomic<T>(this Parser<T> parser) => input =>
    {
        IResult<T> result = parser(input);
        return result.WasSuccessful || result.Remainder.Equals(input)
            ? result
            : Result.Failure<T>(input, result.Message, result.Expectations);
    };

    /// <summary>
    /// A rule defined further down, resolved on first use, so the grammar can be written top-down.
    /// Unlike <c>Parse.Ref</c> it keeps no memo on the input, which would turn a second attempt of
    /// the same rule at the same place into a "left recursion" exception.
    /// </summary>
    /// <remarks>
    /// The rule is typed nullable because the compiler sees, rightly, that a static field declared
    /// further down is still null while the fields above it are initialised; by first use it is set.
    /// </remarks>
    public static Parser<T> Later<T>(Func<Parser<T>?> rule)
    {
        Parser<T>? resolved = null;
        return input => (resolved ??= rule() ?? throw new InvalidOperationException("a grammar rule was used before it was defined"))(input);
    }

    /// <summary>The node <paramref name="parser"/> makes, stamped with where it was written.</summary>
    public static Parser<T> Located<T>(this Parser<T> parser)
        where T : SyntaxNode =>
        parser.Span().Select(span => span.Value with { Span = ToSpan(span) });

    /// <summary>What <paramref name="parser"/> makes, with where it was written.</summary>
    public static Parser<(T Value, SourceSpan Span)> WithSpan<T>(this Parser<T> parser) =>
        parser.Span().Select(span => (span.Value, ToSpan(span)));

    /// <summary>A parser that fails at once, where it is tried, expecting <paramref name="expected"/>.</summary>
    public static Parser<T> Fail<T>(string message, string expected) => input =>
        Result.Failure<T>(input, message, [expected]);

    /// <summary><paramref name="parser"/>, then the end of the text: anything left over is an error that says what could follow.</summary>
    public static Parser<T> ThenEnd<T>(this Parser<T> parser, params string[] expected) => input =>
    {
        IResult<T> result = parser(input);
        return !result.WasSuccessful || result.Remainder.AtEnd
            ? result
            : Result.Failure<T>(result.Remainder, "unexpected text", expected);
    };

    private static SourceSpan ToSpan<T>(ITextSpan<T> span) =>
        new(span.Start.Pos, span.Length, span.Start.Line, span.Start.Column);
}

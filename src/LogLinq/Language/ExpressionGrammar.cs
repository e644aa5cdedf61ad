using LogLinq.Language.Syntax;
using Sprache;
using static LogLinq.Language.Lexemes;
using static LogLinq.Language.ParserCombinators;

namespace LogLinq.Language;

/// <summary>
/// The grammar of expressions, one rule per line of the language's definition, loosest binding
/// first. Operators chain with Sprache's exclusive combinators, so an operator with nothing after
/// it is reported there rather than taken as the end of the expression.
/// </summary>
internal static class ExpressionGrammar
{
    // expr           = or
    public static readonly Parser<ExpressionSyntax> Expression = Later(() => OrExpression).Named("an expression");

    // or             = and { "or" and }
    private static readonly Parser<ExpressionSyntax> OrExpression =
        Parse.XChainOperator(Operator(Keyword("or"), BinaryOperator.Or), Later(() => AndExpression), MakeBinary);

    // and            = not { "and" not }
    private static readonly Parser<ExpressionSyntax> AndExpression =
        Parse.XChainOperator(Operator(Keyword("and"), BinaryOperator.And), Later(() => NotExpression), MakeBinary);

    // not            = "not" not | comparison
    private static readonly Parser<ExpressionSyntax> NotExpression =
        (from not in Keyword("not")
         from operand in Later(() => NotExpression)
         select (ExpressionSyntax)new UnarySyntax(UnaryOperator.Not, operand)).Located()
        .XOr(Later(() => Comparison));

    // comparison     = additive [ compare additive | "in" "(" expr { "," expr } ")" ]
    private static readonly Parser<ExpressionSyntax> Comparison =
        from left in Later(() => Additive)
        from rest in Later(() => CompareRest).Select(f => f(left)).XOptional()
        select rest.GetOrElse(left);

    // compare        = "==" | "!=" | "<=" | "<" | ">=" | ">" | "contains" | "startswith" | "endswith" | "matches"
    private static readonly Parser<(BinaryOperator Operator, SourceSpan Span)> Compare =
        Symbol("==").Return(BinaryOperator.Equal)
        .Or(Symbol("!=").Return(BinaryOperator.NotEqual))
        .Or(Symbol("<=").Return(BinaryOperator.LessOrEqual))
        .Or(Symbol("<").Return(BinaryOperator.Less))
        .Or(Symbol(">=").Return(BinaryOperator.GreaterOrEqual))
        .Or(Symbol(">").Return(BinaryOperator.Greater))
        .Or(Keyword("contains").Return(BinaryOperator.Contains))
        .Or(Keyword("startswith").Return(BinaryOperator.StartsWith))
        .Or(Keyword("endswith").Return(BinaryOperator.EndsWith))
        .Or(Keyword("matches").Return(BinaryOperator.Matches))
        .WithSpan();

    private static readonly Parser<Func<ExpressionSyntax, ExpressionSyntax>> CompareRest =
        (from op in Compare
         from right in Later(() => Additive)
         select (Func<ExpressionSyntax, ExpressionSyntax>)(left => MakeBinary(op, left, right)))
        .XOr(from keyword in Keyword("in")
             from candidates in Later(() => Arguments(atLeastOne: true))
             select (Func<ExpressionSyntax, ExpressionSyntax>)(left => new InSyntax(left, candidates.Value)
             {
                 Span = SourceSpan.Cover(left.Span, candidates.Span),
             }));

    // additive       = multiplicative { ( "+" | "-" ) multiplicative }
    private static readonly Parser<ExpressionSyntax> Additive =
        Parse.XChainOperator(
            Operator(Symbol("+"), BinaryOperator.Add).Or(Operator(Symbol("-"), BinaryOperator.Subtract)),
            Later(() => Multiplicative),
            MakeBinary);

    // multiplicative = unary { ( "*" | "/" ) unary }
    private static readonly Parser<ExpressionSyntax> Multiplicative =
        Parse.XChainOperator(
            Operator(Symbol("*"), BinaryOperator.Multiply).Or(Operator(Symbol("/"), BinaryOperator.Divide)),
            Later(() => Unary),
            MakeBinary);

    // unary          = "-" unary | primary
    private static readonly Parser<ExpressionSyntax> Unary =
        (from minus in Symbol("-")
         from operand in Later(() => Unary)
         select (ExpressionSyntax)new UnarySyntax(UnaryOperator.Negate, operand)).Located()
        .XOr(Later(() => Primary))
        .Named("a value: a field, a number, a string, a function call, a $parameter or '('");

    // primary        = literal | parameter | name [ arguments ] | "(" expr ")"
    private static readonly Parser<ExpressionSyntax> Primary =
        LiteralGrammar.Literal.Select(value => (ExpressionSyntax)new LiteralSyntax(value)).Located()
        .XOr(Parameter.Select(name => (ExpressionSyntax)new ParameterSyntax(name)).Located())
        .XOr((from name in Name
              from arguments in Later(() => Arguments(atLeastOne: false)).XOptional()
              select arguments.IsDefined
                  ? new CallSyntax(name, arguments.Get().Value)
                  : (ExpressionSyntax)new NameSyntax(name)).Located())
        .XOr(from open in Symbol("(")
             from inner in Expression
             from close in Symbol(")")
             select inner);

    // arguments      = "(" [ expr { "," expr } ] ")"
    private static Parser<(IReadOnlyList<ExpressionSyntax> Value, SourceSpan Span)> Arguments(bool atLeastOne) =>
        (from open in Symbol("(")
         from items in atLeastOne
             ? Expression.XDelimitedBy(Symbol(","))
             : Expression.XDelimitedBy(Symbol(",")).XOptional().Select(o => o.GetOrElse([]))
         from close in Symbol(")")
         select (IReadOnlyList<ExpressionSyntax>)[.. items])
        .WithSpan();

    private static Parser<(BinaryOperator Operator, SourceSpan Span)> Operator(Parser<string> token, BinaryOperator op) =>
        token.Return(op).WithSpan();

    private static ExpressionSyntax MakeBinary((BinaryOperator Operator, SourceSpan Span) op, ExpressionSyntax left, ExpressionSyntax right) =>
        new BinarySyntax(op.Operator, left, right, op.Span) { Span = SourceSpan.Cover(left.Span, right.Span) };
}

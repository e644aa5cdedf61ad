using LogLinq.Language.Syntax;
using Sprache;
using static LogLinq.Language.Lexemes;
using static LogLinq.Language.ParserCombinators;

namespace LogLinq.Language;

/// <summary>
/// The grammar of queries, one rule per line of the language's definition (docs/query-language.md).
/// Expressions are in <see cref="ExpressionGrammar"/>. Parsing makes a <see cref="QuerySyntax"/> and
/// does nothing else: names and types are checked by the <see cref="QueryCompiler"/>.
/// </summary>
internal static class QueryGrammar
{
    /// <summary>The stages' keywords, in the order <see cref="Stage"/> tries them.</summary>
    public static readonly string[] StageKeywords = ["where", "select", "distinct", "count", "summarize", "sort", "top", "take"];

    private static readonly string StageNames = $"a stage: {Words.Either(StageKeywords)}";

    // query     = trivia ( source { "|" stage } | stage { "|" stage } ) end
    public static readonly Parser<QuerySyntax> Query =
        (from leading in Trivia
         from query in Later(() => SourcedQuery).XOr(Later(() => BareQuery))
         select query)
        .ThenEnd("'|' and another stage", "the end of the query");

    private static readonly Parser<QuerySyntax> SourcedQuery =
        (from source in Later(() => Source)
         from stages in Later(() => PipedStage).XMany()
         select new QuerySyntax(source, [.. stages])).Located();

    private static readonly Parser<QuerySyntax> BareQuery =
        (from first in Later(() => Stage)
         from rest in Later(() => PipedStage).XMany()
         select new QuerySyntax(null, [first, .. rest])).Located();

    private static readonly Parser<StageSyntax> PipedStage =
        from pipe in Symbol("|")
        from stage in Later(() => Stage)
        select stage;

    // source    = "from" ( "-" | glob { "," glob } ) [ "as" format ]
    private static readonly Parser<SourceSyntax> Source =
        (from keyword in Keyword("from")
         from globs in Later(() => Glob).XDelimitedBy(Symbol(",")).Select(g => (IEnumerable<ExpressionSyntax>?)g).XOr(Later(() => StandardInput))
         from format in (from asKeyword in Keyword("as") from written in Later(() => Format) select written).XOptional()
         select new SourceSyntax([.. globs ?? []], format.GetOrDefault().Format, format.GetOrDefault().XmlElement, format.GetOrDefault().Directive) { StandardInput = globs is null }).Located();

    // "-": standard input, in place of the globs (null, to tell it from them)
    private static readonly Parser<IEnumerable<ExpressionSyntax>?> StandardInput =
        Symbol("-").Select(_ => (IEnumerable<ExpressionSyntax>?)null).Named("- (standard input)");

    // glob      = string | parameter
    private static readonly Parser<ExpressionSyntax> Glob =
        Lexemes.String.Select(text => (ExpressionSyntax)new LiteralSyntax(text)).Located()
        .XOr(Parameter.Select(name => (ExpressionSyntax)new ParameterSyntax(name)).Located())
        .Named("a glob in quotes, as \"data/**/access-log*\"");

    // format    = "auto" | "common" | "combined" | "w3c" | "json" | "elb" | "haproxy" | "s3" | "squid" | "logfmt" | "ssl_request" | "envoy" | "csv" | xml | directive
    private static readonly Parser<(string? Format, string? XmlElement, FormatDirectiveSyntax? Directive)> Format =
        Later(() => XmlFormat)
        .XOr(Later(() => DirectiveFormat).Select(directive => ((string?)null, (string?)null, (FormatDirectiveSyntax?)directive)))
        .XOr(OneOf("a log format", "auto", "common", "combined", "w3c", "json", "elb", "haproxy", "s3", "squid", "logfmt", "ssl_request", "envoy", "csv").Select(name => ((string?)name, (string?)null, (FormatDirectiveSyntax?)null)))
        .Named("a format: auto, common, combined, w3c, json, elb, haproxy, s3, squid, logfmt, ssl_request, envoy, csv, xml(element), apache(\"...\") or nginx('...')");

    // xml       = "xml" "(" ( name | string ) ")"
    private static readonly Parser<(string? Format, string? XmlElement, FormatDirectiveSyntax? Directive)> XmlFormat =
        from keyword in Keyword("xml")
        from open in Symbol("(")
        from element in Name.XOr(Lexemes.String).Named("the name of the elements that are records, as xml(bus)")
        from close in Symbol(")")
        select ((string?)null, (string?)element, (FormatDirectiveSyntax?)null);

    // directive = ( "apache" | "nginx" ) "(" string { string } ")"
    // (strings side by side are joined, as nginx joins the quoted pieces of a log_format: its
    // configuration's lines can be pasted as they are, and a long format split over lines)
    private static readonly Parser<FormatDirectiveSyntax> DirectiveFormat =
        from server in OneOf("apache or nginx", "apache", "nginx")
        from open in Symbol("(")
        from first in Lexemes.String.Named("the server's log format in quotes, as apache(\"%h %l %u %t \\\"%r\\\" %>s %b\")").WithSpan()
        from rest in Lexemes.String.WithSpan().XMany()
        from close in Symbol(")")
        select new FormatDirectiveSyntax(server, [first, .. rest]) { Span = SourceSpan.Cover(first.Span, rest.LastOrDefault(first).Span) };

    // stage     = where | select | distinct | count | summarize | sort | top | take
    private static readonly Parser<StageSyntax> Stage =
        Later(() => WhereStage)
        .XOr(Later(() => SelectStage))
        .XOr(Later(() => DistinctStage))
        .XOr(Later(() => CountStage))
        .XOr(Later(() => SummarizeStage))
        .XOr(Later(() => SortStage))
        .XOr(Later(() => TopStage))
        .XOr(Later(() => TakeStage))
        .Named(StageNames);

    // where     = "where" expr
    private static readonly Parser<StageSyntax> WhereStage =
        (from keyword in Keyword("where")
         from condition in ExpressionGrammar.Expression
         select (StageSyntax)new WhereSyntax(condition)).Located();

    // select    = "select" column { "," column }
    private static readonly Parser<StageSyntax> SelectStage =
        (from keyword in Keyword("select")
         from columns in Later(() => Column).XDelimitedBy(Symbol(","))
         select (StageSyntax)new SelectSyntax([.. columns])).Located();

    // distinct  = "distinct" [ column { "," column } ]
    private static readonly Parser<StageSyntax> DistinctStage =
        (from keyword in Keyword("distinct")
         from columns in Later(() => Column).XDelimitedBy(Symbol(",")).XOptional()
         select (StageSyntax)new DistinctSyntax([.. columns.GetOrElse([])])).Located();

    // count     = "count"
    private static readonly Parser<StageSyntax> CountStage =
        Keyword("count").Select(_ => (StageSyntax)new CountSyntax()).Located();

    // summarize = "summarize" aggregate { "," aggregate } [ "by" column { "," column } ]
    private static readonly Parser<StageSyntax> SummarizeStage =
        (from keyword in Keyword("summarize")
         from aggregates in Later(() => AggregateCall).XDelimitedBy(Symbol(","))
         from keys in (from byKeyword in Keyword("by") from keyList in Later(() => Column).XDelimitedBy(Symbol(",")) select keyList).XOptional()
         select (StageSyntax)new SummarizeSyntax([.. aggregates], [.. keys.GetOrElse([])])).Located();

    // sort      = "sort" "by" order { "," order }
    private static readonly Parser<StageSyntax> SortStage =
        (from keyword in Keyword("sort")
         from byKeyword in Keyword("by")
         from keys in Later(() => Order).XDelimitedBy(Symbol(","))
         select (StageSyntax)new SortSyntax([.. keys])).Located();

    // top       = "top" count "by" order
    private static readonly Parser<StageSyntax> TopStage =
        (from keyword in Keyword("top")
         from count in Later(() => RowCount)
         from byKeyword in Keyword("by")
         from key in Later(() => Order)
         select (StageSyntax)new TopSyntax(count, key)).Located();

    // take      = "take" count
    private static readonly Parser<StageSyntax> TakeStage =
        (from keyword in Keyword("take")
         from count in Later(() => RowCount)
         select (StageSyntax)new TakeSyntax(count)).Located();

    // column    = expr [ "as" name ]
    private static readonly Parser<ColumnSyntax> Column =
        (from value in ExpressionGrammar.Expression
         from alias in Later(() => Alias).XOptional()
         select new ColumnSyntax(value, alias.GetOrDefault())).Located();

    // aggregate = ( "count" "(" ")" | ( "sum" | "avg" | "min" | "max" | "dcount" | percentile ) "(" expr ")" ) [ "as" name ]
    private static readonly Parser<AggregateSyntax> AggregateCall =
        (from function in Keyword("count")
         from open in Symbol("(")
         from close in Symbol(")")
         from alias in Later(() => Alias).XOptional()
         select new AggregateSyntax(function, null, alias.GetOrDefault())).Located()
        .XOr((from function in OneOf("an aggregate", "sum", "avg", "min", "max", "dcount").Or(Percentile)
              from open in Symbol("(")
              from argument in ExpressionGrammar.Expression
              from close in Symbol(")")
              from alias in Later(() => Alias).XOptional()
              select new AggregateSyntax(function, argument, alias.GetOrDefault())).Located())
        .Named("an aggregate: count(), sum(e), avg(e), min(e), max(e), dcount(e) or a percentile, as p95(e)");

    // order     = expr [ "asc" | "desc" ]
    private static readonly Parser<OrderSyntax> Order =
        (from key in ExpressionGrammar.Expression
         from direction in OneOf("asc or desc", "asc", "desc").XOptional()
         select new OrderSyntax(key, direction.IsDefined ? direction.Get() == "desc" : null)).Located();

    // count     = integer | parameter
    private static readonly Parser<ExpressionSyntax> RowCount =
        LiteralGrammar.Quantity.Select(value => (ExpressionSyntax)new LiteralSyntax(value)).Located()
        .XOr(Parameter.Select(name => (ExpressionSyntax)new ParameterSyntax(name)).Located())
        .Named("a number of rows");

    private static readonly Parser<string> Alias =
        from keyword in Keyword("as")
        from name in Name
        select name;
}

using LogLinq.Language;

namespace LogLinq.Tests.Language;

/// <summary>
/// The grammar, construct by construct: what each accepts (as the tree it makes, written by
/// <see cref="SyntaxText"/>) and what it rejects (where, and what it says was expected).
/// </summary>
public class GrammarTests
{
    private static string Tree(string query) => SyntaxText.Of(QueryParser.Parse(query));

    private static QueryException Rejected(string query) =>
        FluentActions.Invoking(() => QueryParser.Parse(query)).Should().Throw<QueryException>().Which;

    [Theory]
    [InlineData("from \"data/access-log\"", "(from \"data/access-log\")")]
    [InlineData("from 'a*', \"b/**/c\"", "(from \"a*\" \"b/**/c\")")]
    [InlineData("from \"x\" as combined", "(from \"x\" as combined)")]
    [InlineData("FROM \"x\" AS W3C", "(from \"x\" as w3c)")]
    [InlineData("from $logs as json", "(from $logs as json)")]
    [InlineData("from \"usage.csv\" AS CSV", "(from \"usage.csv\" as csv)")]
    [InlineData("from \"data/buses.xml\" as xml(bus)", "(from \"data/buses.xml\" as xml(bus))")]
    [InlineData("from \"x\" AS XML ( bus_stop )", "(from \"x\" as xml(bus_stop))")]
    [InlineData("from \"x\" as xml(\"bus-stop\")", "(from \"x\" as xml(bus-stop))")]
    [InlineData("from \"x\" as apache(\"%h %t \\\"%r\\\" %>s\")", "(from \"x\" as apache(%h %t \"%r\" %>s))")]
    [InlineData("from \"x\" AS Nginx ( '$remote_addr [$time_local] \"$request\"' )", "(from \"x\" as nginx($remote_addr [$time_local] \"$request\"))")]
    [InlineData("from \"x\" as nginx('$remote_addr - ' \"[$time_local] \"\n  # the request\n  '\"$request\"')", "(from \"x\" as nginx($remote_addr - [$time_local] \"$request\"))")]
    [InlineData("from \"x\" as apache(\"%h \"'%t')", "(from \"x\" as apache(%h %t))")]
    [InlineData("from -", "(from -)")]
    [InlineData("from - as common", "(from - as common)")]
    [InlineData("from \"-\"", "(from \"-\")")]
    public void From_takes_globs_and_a_format(string query, string tree) => Tree(query).Should().Be(tree);

    [Theory]
    [InlineData("from \"x\" as xlm", "expected a format: auto, common, combined, w3c, json, elb, haproxy, s3, squid, logfmt, ssl_request, envoy, csv, xml(element), apache(\"...\") or nginx('...'), found 'xlm'")]
    [InlineData("from \"x\" as apache(%h)", "expected the server's log format in quotes, as apache(\"%h %l %u %t \\\"%r\\\" %>s %b\"), found '%'")]
    [InlineData("from \"x\" as nginx('$status'", "expected ')'")]
    [InlineData("from \"x\" as nginx('$status' '[$time_local]", "expected a closing '")]
    [InlineData("from \"x\" as nginx('$status' , '[$time_local]')", "expected ')', found ','")]
    [InlineData("from \"x\" as xml", "expected '(', found the end of the query")]
    [InlineData("from \"x\" as xml()", "expected the name of the elements that are records, as xml(bus), found ')'")]
    [InlineData("from \"x\" as xml(bus", "expected ')'")]
    [InlineData("from", "expected a glob in quotes, as \"data/**/access-log*\" or - (standard input), found the end of the query")]
    [InlineData("from \"x\",", "expected a glob in quotes")]
    [InlineData("from x", "expected a glob in quotes")]
    public void From_rejects(string query, string message) => Rejected(query).Message.Should().Contain(message);

    [Theory]
    [InlineData("where status == 404", "(where (== status 404))")]
    [InlineData("where status != 404 and bytes >= 10 or bytes < 2", "(where (or (and (!= status 404) (>= bytes 10)) (< bytes 2)))")]
    [InlineData("where not status > 399", "(where (not (> status 399)))")]
    [InlineData("where a or b and c", "(where (or a (and b c)))")]
    [InlineData("where (a or b) and c", "(where (and (or a b) c))")]
    [InlineData("WHERE x <= 1 AND y == 2", "(where (and (<= x 1) (== y 2)))")]
    public void Where_takes_a_condition_with_the_usual_precedence(string query, string tree) => Tree(query).Should().Be(tree);

    [Theory]
    [InlineData("where path contains \"x\"", "(where (contains path \"x\"))")]
    [InlineData("where path startswith '/ply' and path endswith \".gz\"", "(where (and (startswith path \"/ply\") (endswith path \".gz\")))")]
    [InlineData("where agent matches \"(?i)bot\"", "(where (matches agent \"(?i)bot\"))")]
    [InlineData("where method in (\"GET\", 'HEAD')", "(where (in method \"GET\" \"HEAD\"))")]
    [InlineData("where status in (200)", "(where (in status 200))")]
    [InlineData("where path ContainS \"x\"", "(where (contains path \"x\"))")]
    public void Text_operators_and_in(string query, string tree) => Tree(query).Should().Be(tree);

    [Theory]
    [InlineData("where a + b * c - d / e", "(where (- (+ a (* b c)) (/ d e)))")]
    [InlineData("where -a", "(where (- a))")]
    [InlineData("where a - -1", "(where (- a (- 1)))")]
    [InlineData("where (a + b) * c", "(where (* (+ a b) c))")]
    public void Arithmetic_binds_tighter_than_comparison(string query, string tree) => Tree(query).Should().Be(tree);

    [Theory]
    [InlineData("where x == 42", "42")]
    [InlineData("where x == 1_000_000", "1000000")]
    [InlineData("where x == 2.5", "2.5")]
    [InlineData("where x == 10KB", "10240")]
    [InlineData("where x == 1MB", "1048576")]
    [InlineData("where x == 2gb", "2147483648")]
    [InlineData("where x == 1.5KB", "1536")]
    [InlineData("where x == 30s", "00:00:30")]
    [InlineData("where x == 5m", "00:05:00")]
    [InlineData("where x == 1h", "01:00:00")]
    [InlineData("where x == 1d", "1.00:00:00")]
    [InlineData("where x == 250ms", "00:00:00.2500000")]
    [InlineData("where x == 2008-02-24T00:08:59-06:00", "2008-02-24T00:08:59.0000000-06:00")]
    [InlineData("where x == 2008-02-24T06:08:59.5Z", "2008-02-24T06:08:59.5000000+00:00")]
    [InlineData("where x == null", "null")]
    [InlineData("where x == TRUE", "true")]
    [InlineData("where x == false", "false")]
    [InlineData("where x == \"a\\\"b\"", "\"a\"b\"")]
    [InlineData("where x == 'it\\'s'", "\"it's\"")]
    [InlineData("where x == \"tab\\there\"", "\"tab\there\"")]
    [InlineData("where x == \"\\u0041\"", "\"A\"")]
    [InlineData("where x == \"\\d+\\.gz\"", "\"\\d+\\.gz\"")]
    [InlineData("where x == \"back\\\\slash\"", "\"back\\slash\"")]
    [InlineData("where x == $file", "$file")]
    public void Literals(string query, string literal) => Tree(query).Should().Be($"(where (== x {literal}))");

    [Theory]
    [InlineData("where x == 10XB", "1:14", "unknown unit 'XB'")]
    [InlineData("where x == 2008-02-24", "1:22", "expected 'T' and the time of day")]
    [InlineData("where x == 2008-02-24T00:08:59", "1:31", "expected the offset from UTC, Z or ±hh:mm")]
    [InlineData("where x == 2008-13-24T00:08:59Z", "1:32", "is not a valid time")]
    [InlineData("where x == \"abc", "1:16", "expected a closing \", found the end of the query")]
    [InlineData("where x == 'abc\n", "1:16", "expected a closing ', found the end of the line")]
    [InlineData("where x == 99999999999999999999", "1:32", "too large")]
    public void Bad_literals_are_reported_where_they_go_wrong(string query, string position, string message)
    {
        QueryException error = Rejected(query);
        $"{error.Line}:{error.Column}".Should().Be(position);
        error.Message.Should().Contain(message);
    }

    [Theory]
    [InlineData("where lower(agent) == 'x'", "(where (== (lower agent) \"x\"))")]
    [InlineData("where bin(time, 1h) == x", "(where (== (bin time 01:00:00) x))")]
    [InlineData("where f() == 1", "(where (== (f) 1))")]
    [InlineData("where ext(path) in ('gz', \"zip\")", "(where (in (ext path) \"gz\" \"zip\"))")]
    public void Function_calls(string query, string tree) => Tree(query).Should().Be(tree);

    [Theory]
    [InlineData("select path", "(select path)")]
    [InlineData("select path, bytes / 1KB as kb, lower(host) as h", "(select path, (/ bytes 1024) as kb, (lower host) as h)")]
    [InlineData("Select path AS p", "(select path as p)")]
    public void Select_takes_named_columns(string query, string tree) => Tree(query).Should().Be(tree);

    [Theory]
    [InlineData("distinct", "(distinct)")]
    [InlineData("distinct path", "(distinct path)")]
    [InlineData("distinct host, status", "(distinct host, status)")]
    public void Distinct_takes_optional_columns(string query, string tree) => Tree(query).Should().Be(tree);

    [Theory]
    [InlineData("count", "(count)")]
    [InlineData("where status == 404 | count", "(where (== status 404)) (count)")]
    public void Count(string query, string tree) => Tree(query).Should().Be(tree);

    [Theory]
    [InlineData("summarize count()", "(summarize (count))")]
    [InlineData("summarize count() as n, sum(bytes), avg(bytes) as mean, min(time), max(time), dcount(host)",
        "(summarize (count) as n (sum bytes) (avg bytes) as mean (min time) (max time) (dcount host))")]
    [InlineData("summarize count() by host", "(summarize (count) by host)")]
    [InlineData("summarize sum(bytes) by bin(time, 1h) as hour, status", "(summarize (sum bytes) by (bin time 01:00:00) as hour, status)")]
    [InlineData("SUMMARIZE COUNT() BY host", "(summarize (count) by host)")]
    public void Summarize_takes_aggregates_and_keys(string query, string tree) => Tree(query).Should().Be(tree);

    [Theory]
    [InlineData("sort by bytes", "(sort bytes)")]
    [InlineData("sort by bytes desc, host asc, path", "(sort bytes desc host asc path)")]
    [InlineData("top 10 by bytes", "(top 10 bytes)")]
    [InlineData("top 3 by len(path) asc", "(top 3 (len path) asc)")]
    [InlineData("top $n by bytes", "(top $n bytes)")]
    [InlineData("take 5", "(take 5)")]
    [InlineData("take $rows", "(take $rows)")]
    public void Sort_top_and_take(string query, string tree) => Tree(query).Should().Be(tree);

    [Fact]
    public void A_query_spans_lines_and_has_comments()
    {
        const string query = """
            # The documents that were not found.
            from "data/access-log"   # the sample
            | where status == 404    # not found
            | distinct path

            """;
        Tree(query).Should().Be("(from \"data/access-log\") (where (== status 404)) (distinct path)");
    }

    [Fact]
    public void A_from_clause_is_optional()
    {
        QueryParser.Parse("where status == 404 | count").Source.Should().BeNull();
        QueryParser.Parse("from \"x\" | count").Source.Should().NotBeNull();
    }

    [Fact]
    public void Names_are_not_keywords()
    {
        Tree("where android == 1 | select order, counter").Should().Be("(where (== android 1)) (select order, counter)");
        Tree("sort by count desc").Should().Be("(sort count desc)");
    }

    [Theory]
    [InlineData("", "1:1", "expected 'from' or a stage: where, select, distinct, count, summarize, sort, top or take, found the end of the query")]
    [InlineData("from \"x\" | wher status", "1:12", "expected a stage: where, select, distinct, count, summarize, sort, top or take, found 'wher'")]
    [InlineData("where status == ", "1:16", "expected a value: a field, a number, a string, a function call, a $parameter or '(', found the end of the query")]
    [InlineData("where status = 404", "1:14", "expected '|' and another stage or the end of the query, found '='")]
    [InlineData("where", "1:6", "expected an expression, found the end of the query")]
    [InlineData("where (a or b", "1:14", "expected ')'")]
    [InlineData("where a and", "1:12", "expected 'not' or a value")]
    [InlineData("where a in ()", "1:13", "expected an expression, found ')'")]
    [InlineData("where lower(path", "1:17", "expected ')'")]
    [InlineData("select", "1:7", "expected an expression")]
    [InlineData("select a,", "1:10", "expected an expression")]
    [InlineData("select a as", "1:12", "expected a name")]
    [InlineData("select a as and", "1:13", "expected a name, found 'and'")]
    [InlineData("distinct a,", "1:12", "expected an expression")]
    [InlineData("count()", "1:6", "expected '|' and another stage or the end of the query, found '('")]
    [InlineData("summarize", "1:10", "expected an aggregate: count(), sum(e), avg(e), min(e), max(e), dcount(e) or a percentile, as p95(e)")]
    [InlineData("summarize total(bytes)", "1:11", "expected an aggregate")]
    [InlineData("summarize count(bytes)", "1:17", "expected ')', found 'bytes'")]
    [InlineData("summarize sum()", "1:15", "expected an expression, found ')'")]
    [InlineData("summarize count() by", "1:21", "expected an expression")]
    [InlineData("sort bytes", "1:6", "expected 'by', found 'bytes'")]
    [InlineData("sort by bytes up", "1:15", "expected '|' and another stage or the end of the query, found 'up'")]
    [InlineData("top by bytes", "1:5", "expected a number of rows, found 'by'")]
    [InlineData("top 10 bytes", "1:8", "expected 'by', found 'bytes'")]
    [InlineData("take", "1:5", "expected a number of rows, found the end of the query")]
    [InlineData("where a | ", "1:10", "expected a stage")]
    [InlineData("from \"x\" | where a\n| where", "2:8", "expected an expression, found the end of the query")]
    public void Rejects_with_a_position_and_what_was_expected(string query, string position, string message)
    {
        QueryException error = Rejected(query);
        $"{error.Line}:{error.Column}".Should().Be(position, error.Message);
        error.Message.Should().Contain(message);
        error.Message.Should().StartWith("syntax error: ");
    }

    [Theory]
    [InlineData(typeof(QueryGrammar))]
    [InlineData(typeof(ExpressionGrammar))]
    [InlineData(typeof(LiteralGrammar))]
    public void The_grammar_is_built_once_and_reused(Type grammar)
    {
        // Startup matters: every rule is a static field, built once when the grammar is first used, so
        // no parse builds parsers (a rule made in a method or a property would be rebuilt each time).
        var flags = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic
            | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly;
        grammar.GetProperties(flags).Where(p => IsParser(p.PropertyType)).Select(p => p.Name).Should().BeEmpty();
        var rules = grammar.GetFields(flags).Where(f => IsParser(f.FieldType)).ToList();
        rules.Should().NotBeEmpty();
        rules.Should().OnlyContain(f => f.IsStatic && f.IsInitOnly);
    }

    private static bool IsParser(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Sprache.Parser<>);
}

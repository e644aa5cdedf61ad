using LogLinq.Language;

namespace LogLinq.Tests.Language;

/// <summary>
/// What a user sees for a mistake: the position, the line with a caret under the spot, and what
/// was expected or what is wrong, in words. Type and name errors come before any file is read: the
/// queries here name files that do not exist, and it is the mistake that is reported.
/// </summary>
public class ErrorMessageTests
{
    private const string NoFiles = "from \"/no/such/dir/access-log*\"";

    private static QueryException Error(string query, params (string Name, string Value)[] parameters) =>
        FluentActions.Invoking(() => QueryCompiler.Compile(query, new QueryOptions { Parameters = parameters.ToDictionary(p => p.Name, p => p.Value) }))
            .Should().Throw<QueryException>().Which;

    [Fact]
    public void A_syntax_error_shows_the_line_and_a_caret_under_the_spot()
    {
        QueryException error = Error("from \"data/access-log\" | where status == | count");
        error.Describe().Should().Be(
            "1:42: syntax error: expected a value: a field, a number, a string, a function call, a $parameter or '(', found '|'\n"
            + "  from \"data/access-log\" | where status == | count\n"
            + "                                           ^");
    }

    [Fact]
    public void On_a_later_line_the_caret_is_under_that_line_and_the_origin_comes_first()
    {
        QueryException error = Error("# broken\nfrom \"x\"\n| summarize count() by\n");
        error.Describe("queries/broken.lq").Should().Be(
            "queries/broken.lq:3:23: syntax error: expected an expression, found the end of the query\n"
            + "  | summarize count() by\n"
            + "                        ^");
    }

    [Fact]
    public void Tabs_before_the_spot_are_kept_so_the_caret_lines_up()
    {
        string[] lines = Error("from \"x\"\n\t| where ==").Describe().Split('\n');
        lines[1].Should().Be("  \t| where ==");
        lines[2].Should().Be("  \t        ^");
    }

    [Fact]
    public void Wide_and_combining_characters_before_the_spot_keep_the_caret_under_it()
    {
        // 日志 is four columns on a terminal, the é written as e and a combining accent one, 🚀 two.
        string[] lines = Error("from \"日志-e\u0301-🚀.log\" | wher status").Describe().Split('\n');
        lines[1].Should().Be("  from \"日志-e\u0301-🚀.log\" | wher status");
        lines[2].Should().Be("  " + new string(' ', "from \"".Length + 4 + "-e-".Length + 2 + ".log\" | ".Length) + "^");
    }

    [Fact]
    public void An_unknown_field_suggests_the_nearest_name()
    {
        QueryException error = Error($"{NoFiles} | where stauts == 404");
        error.Message.Should().Be("unknown field 'stauts'; did you mean 'status'?");
        error.Column.Should().Be(41);
        Error($"{NoFiles} | where Status == 404").Message.Should().Be("unknown field 'Status'; did you mean 'status'?");
        Error($"{NoFiles} | select refferer").Message.Should().Be("unknown field 'refferer'; did you mean 'referrer'?");
        Error($"{NoFiles} | where useragent == 'x'").Message.Should().StartWith("unknown field 'useragent'; the fields are host, ident, user, time,");
    }

    [Fact]
    public void After_a_select_or_summarize_only_its_columns_can_be_named()
    {
        Error($"{NoFiles} | select path | where status == 404").Message
            .Should().Be("status is not a column here: the stages before this one keep only path");
        Error($"{NoFiles} | summarize count() as n by host | sort by nn").Message
            .Should().Be("unknown column 'nn'; did you mean 'n'?");
    }

    [Theory]
    [InlineData("where status contains \"x\"", "contains needs text on its left, but status is an integer", "contains")]
    [InlineData("where bytes > \"big\"", "cannot compare bytes (an integer) with \"big\" (text)", "> \"big\"")]
    [InlineData("where time > \"2008-02-24\"", "cannot compare time (a time) with \"2008-02-24\" (text) (write a time without quotes, as 2008-02-24T00:08:59-06:00)", "> \"2008")]
    [InlineData("where status == 2008-02-24T00:08:59-06:00", "cannot compare status (an integer) with 2008-02-24T00:08:59-06:00 (a time)", "== 2008")]
    [InlineData("where path == 90m", "cannot compare path (text) with 90m (a duration)", "== 90m")]
    [InlineData("where status", "where needs a condition (true or false), but status is an integer", "status")]
    [InlineData("where path startswith 1", "startswith needs text on its right, but 1 is an integer", "startswith")]
    [InlineData("where status == null", "status is an integer and never null", "== null")]
    [InlineData("where referrer > null", "> cannot compare with null; use == null or != null", "> null")]
    [InlineData("where not bytes", "not needs a condition (true or false), but bytes is an integer", "bytes")]
    [InlineData("where path + 1 == 'x'", "cannot apply '+' to path (text) and 1 (an integer)", "+ 1")]
    [InlineData("where bytes matches 'x'", "matches needs text on its left, but bytes is an integer", "matches")]
    [InlineData("where path matches '('", "not a valid regular expression", "'('")]
    [InlineData("where lower(status) == 'x'", "lower needs text, but status is an integer", "status)")]
    [InlineData("where hour(path) == 1", "hour needs a time, but path is text", "path)")]
    [InlineData("where split(status, '/', 0) == 'x'", "split needs text, but status is an integer", "status,")]
    [InlineData("where split(path, 1, 0) == 'x'", "split needs text as its separator, but 1 is an integer", "1, 0)")]
    [InlineData("where split(path, '/', 'x') == 'x'", "split needs an integer as its index, but \"x\" is text", "'x')")]
    [InlineData("where split(path, '', 1) == 'x'", "split needs a separator that is not empty", "'', 1)")]
    [InlineData("where split(path, '/') == 'x'", "split takes 3 arguments, not 2", "split(path, '/')")]
    [InlineData("where pathname(bytes) == 'x'", "pathname needs text, but bytes is an integer", "bytes)")]
    [InlineData("where querystring(path, 1) == 'x'", "querystring takes 1 argument, not 2", "querystring(path, 1)")]
    [InlineData("where extract(path, '(') == 'x'", "not a valid regular expression", "'(')")]
    [InlineData("where extract(path, method) == 'x'", "extract needs a regular expression in quotes (or a $parameter) as its second argument", "method)")]
    [InlineData("where extract(time, 'x') == 'x'", "extract needs text, but time is a time", "time,")]
    [InlineData("where replace(path, '', 'x') == 'x'", "replace needs text to look for that is not empty", "'', 'x')")]
    [InlineData("where replace(path, 'a', 1) == 'x'", "replace needs text to put in its place, but 1 is an integer", "1)")]
    [InlineData("where substring(path) == 'x'", "substring takes 2 or 3 arguments, not 1", "substring(path)")]
    [InlineData("where substring(path, 1, 2, 3) == 'x'", "substring takes 2 or 3 arguments, not 4", "substring(path, 1, 2, 3)")]
    [InlineData("where substring(path, 0.5) == 'x'", "substring needs an integer as its start, but 0.5 is a number", "0.5)")]
    [InlineData("where substring(path, 0, time) == 'x'", "substring needs an integer as its length, but time is a time", "time)")]
    [InlineData("where weekday(path) == 'Monday'", "weekday needs a time, but path is text", "path)")]
    [InlineData("where year(bytes) == 2008", "year needs a time, but bytes is an integer", "bytes)")]
    [InlineData("where weekday(time) == 1", "cannot compare weekday(...) (text) with 1 (an integer)", "== 1")]
    [InlineData("where bin(time, 10) == time", "bin of a time needs a duration as its size, as in bin(time, 1h)", "10)")]
    [InlineData("where bin(time, 0s) == time", "bin needs a size greater than zero", "0s)")]
    [InlineData("where lowr(path) == 'x'", "unknown function 'lowr'; did you mean 'lower'?", "lowr(path)")]
    [InlineData("where lower(path, 1) == 'x'", "lower takes 1 argument, not 2", "lower(path, 1)")]
    [InlineData("where sum(bytes) > 1", "sum() is an aggregate: use it in summarize, as summarize sum(bytes)", "sum(bytes)")]
    [InlineData("where lower == 'x'", "lower is a function: write lower(...)", "lower ==")]
    [InlineData("summarize sum(path)", "sum needs numbers, but path is text", "path)")]
    [InlineData("summarize count(), count()", "two columns are named 'count'; name one with as", "count()")]
    [InlineData("select path, path", "two columns are named 'path'; name one with as", "path")]
    [InlineData("distinct", "distinct needs the values to compare here, as distinct host or distinct path, status", "distinct")]
    [InlineData("count | count", "nothing can follow count: it answers with one number", "count")]
    [InlineData("take 99999999999", "the number of rows must be a whole number from 0 to 2147483647", "99999999999")]
    [InlineData("top 2.5 by bytes", "the number of rows must be a whole number from 0 to 2147483647", "2.5")]
    public void Type_and_name_errors_are_found_before_any_file_is_read(string stages, string message, string spot)
    {
        QueryException error = Error($"{NoFiles} | {stages}");
        error.Message.Should().Contain(message);
        error.Line.Should().Be(1);
        error.QueryText![error.Offset..].Should().StartWith(spot, "the caret goes under it: " + error.Describe());
        error.Column.Should().Be(error.Offset + 1);
    }

    [Fact]
    public void An_unbound_parameter_is_named()
    {
        QueryException error = Error($"{NoFiles} | where path == $file | count");
        error.Message.Should().Be("no value given for parameter $file");
        error.Column.Should().Be(49);
    }

    [Fact]
    public void A_parameter_whose_value_does_not_fit_its_use_says_so()
    {
        Error($"{NoFiles} | where status == $code", ("code", "abc")).Message
            .Should().Be("$code is used as an integer here, but its value 'abc' is not one");
        Error($"{NoFiles} | where time > $since", ("since", "yesterday")).Message
            .Should().Be("$since is used as a time here, but its value 'yesterday' is not one");
        Error($"{NoFiles} | take $n", ("n", "ten")).Message.Should().Contain("$n is used as an integer here");
    }

    [Fact]
    public void A_value_for_a_parameter_the_query_lacks_is_an_error()
    {
        QueryException error = Error($"{NoFiles} | count", ("flie", "x"));
        error.Message.Should().Be("a value was given for 'flie', but the query has no parameter $flie");
        error.Describe().Should().Be(error.Message);
    }

    [Theory]
    [InlineData("where status = 404", 48, "write '==' to compare")]
    [InlineData("where status == 404 && bytes > 0", 55, "write 'and' for '&&'")]
    [InlineData("where status == 404 || bytes > 0", 56, "write 'or' for '||'")]
    [InlineData("where !(status == 404)", 41, "write 'not' for '!'")]
    [InlineData("where status <> 404", 49, "write '!=' for '<>'")]
    [InlineData("where path like \"/ply%\"", 46, "compare text with startswith, endswith, contains or matches (a regular expression)")]
    [InlineData("summarize count(*) by host", 51, "write count() to count rows")]
    [InlineData("summarize n = count() by host", 45, "name a column with 'as' after it: ... as n")]
    [InlineData("select host, bits = bytes * 8", 53, "name a column with 'as' after it: ... as bits")]
    [InlineData("ORDER BY bytes desc", 35, "write 'sort by' to order rows")]
    [InlineData("limit 3", 35, "write 'take N' for the first N rows")]
    [InlineData("project host", 35, "write 'select' to pick columns")]
    [InlineData("group by host", 35, "write 'summarize ... by' to group rows")]
    [InlineData("summarise count()", 35, "did you mean 'summarize'?")]
    [InlineData("slect host", 35, "did you mean 'select'?")]
    public void A_word_or_symbol_of_another_query_language_says_what_to_write_here(string stages, int column, string hint)
    {
        // SQL, KQL, Splunk and C# habits: the error says what was expected, then how this language says it.
        QueryException error = Error($"{NoFiles} | {stages}");
        error.Message.Should().StartWith("syntax error: ").And.EndWith($"; {hint}");
        error.Column.Should().Be(column);
    }

    [Theory]
    [InlineData("xyzzy host")]
    [InlineData("where status == 404 | take ten")]
    [InlineData("where status ==")]
    public void A_mistake_that_is_no_other_language_s_habit_gets_no_hint(string stages)
    {
        Error($"{NoFiles} | {stages}").Message.Should().NotContain("; write").And.NotContain("did you mean").And.NotContain("; name a column");
    }

    [Fact]
    public void A_query_without_from_needs_a_default()
    {
        Error("where status == 404").Message.Should().Be("the query needs a source: start it with from \"glob\"");
    }
}

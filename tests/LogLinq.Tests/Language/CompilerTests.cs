using System.Linq.Expressions;
using System.Text.RegularExpressions;
using LogLinq.Language;
using LogLinq.Records;

namespace LogLinq.Tests.Language;

/// <summary>
/// What the compiler builds: the LINQ operators, in the shapes the planner specialises, with the
/// lambdas it pushes down. Nothing here reads a log.
/// </summary>
public class CompilerTests
{
    private static readonly string Log = Path.Combine(TestPaths.Data, "access-log");

    private static CompiledQuery Compile(string stages, params (string Name, string Value)[] parameters) =>
        QueryCompiler.Compile($"from \"{Log}\" | {stages}", new QueryOptions { Parameters = parameters.ToDictionary(p => p.Name, p => p.Value) });

    /// <summary>The Queryable calls applied to the source, innermost first.</summary>
    private static List<MethodCallExpression> Chain(Expression expression)
    {
        var calls = new List<MethodCallExpression>();
        while (expression is MethodCallExpression call && call.Method.DeclaringType == typeof(Queryable))
        {
            calls.Insert(0, call);
            expression = call.Arguments[0];
        }

        return calls;
    }

    private static LambdaExpression Lambda(MethodCallExpression call, int index = 1) =>
        (LambdaExpression)((UnaryExpression)call.Arguments[index]).Operand;

    private static string Names(CompiledQuery query) => string.Join(" ", Chain(query.Expression).Select(c => c.Method.Name));

    private static string WhereBody(string condition, params (string Name, string Value)[] parameters)
    {
        MethodCallExpression where = Chain(Compile($"where {condition}", parameters).Expression)[0];
        where.Method.Name.Should().Be("Where");
        LambdaExpression lambda = Lambda(where);
        lambda.Parameters.Single().Type.Should().Be<LogRecord>();
        return lambda.Body.ToString();
    }

    [Theory]
    [InlineData("status == 404", "(r.Status == 404)")]
    [InlineData("404 == status", "(404 == r.Status)")]
    [InlineData("bytes > 1000000", "(r.Bytes > 1000000)")]
    [InlineData("bytes > 1MB", "(r.Bytes > 1048576)")]
    [InlineData("status >= 400 and status < 500", "((r.Status >= 400) AndAlso (r.Status < 500))")]
    [InlineData("path == \"/robots.txt\"", "(r.Path == \"/robots.txt\")")]
    [InlineData("host != 'x' or not method == 'GET'", "((r.Host != \"x\") OrElse Not((r.Method == \"GET\")))")]
    [InlineData("path startswith \"/ply\"", "r.Path.StartsWith(\"/ply\", Ordinal)")]
    [InlineData("path endswith \".gz\"", "r.Path.EndsWith(\".gz\", Ordinal)")]
    [InlineData("path contains \"wiki\"", "r.Path.Contains(\"wiki\", Ordinal)")]
    [InlineData("agent contains \"bot\"", "((r.UserAgent != null) AndAlso r.UserAgent.Contains(\"bot\", Ordinal))")]
    [InlineData("referrer == null", "(r.Referrer == null)")]
    [InlineData("status in (301, 302)", "((r.Status == 301) OrElse (r.Status == 302))")]
    [InlineData("time >= 2008-02-24T00:08:59-06:00", "(r.Time >= 02/24/2008 00:08:59 -06:00)")]
    [InlineData("status == 200.0", "(r.Status == 200)")]
    [InlineData("bytes > 1.5", "(Convert(r.Bytes, Double) > 1.5)")]
    [InlineData("bytes > status", "(r.Bytes > Convert(r.Status, Int64))")]
    public void Where_compiles_to_comparisons_of_fields_with_constants(string condition, string body) =>
        // The planner pushes these down to the raw bytes: a bare field against a constant of its type.
        WhereBody(condition).Should().Be(body);

    [Fact]
    public void Where_status_404_is_a_Where_whose_lambda_body_is_r_Status_equals_404()
    {
        MethodCallExpression where = Chain(Compile("where status == 404").Expression).Single(c => c.Method.Name == "Where");
        var body = (BinaryExpression)Lambda(where).Body;
        body.NodeType.Should().Be(ExpressionType.Equal);
        ((MemberExpression)body.Left).Member.Name.Should().Be(nameof(LogRecord.Status));
        ((ConstantExpression)body.Right).Value.Should().Be(404);
        body.Right.Type.Should().Be<int>();
    }

    [Fact]
    public void A_parameter_becomes_a_constant_of_the_type_its_use_asks_for()
    {
        WhereBody("path == $file", ("file", "/ply/ply-2.3.tar.gz")).Should().Be("(r.Path == \"/ply/ply-2.3.tar.gz\")");
        WhereBody("status == $code", ("code", "404")).Should().Be("(r.Status == 404)");
        WhereBody("bytes > $size", ("size", "1MB")).Should().Be("(r.Bytes > 1048576)");
        WhereBody("time < $until", ("until", "2008-02-25T00:00:00-06:00")).Should().Be("(r.Time < 02/25/2008 00:00:00 -06:00)");
        WhereBody("bytes > $floor", ("floor", "-1")).Should().Be("(r.Bytes > -1)");
        WhereBody("time > time - $span", ("span", "90m")).Should().Be("(r.Time > Earlier(r.Time, 01:30:00))");
        WhereBody("path == $x and $x == path", ("x", "404")).Should().Be("((r.Path == \"404\") AndAlso (\"404\" == r.Path))");
    }

    [Fact]
    public void Matches_calls_a_cached_compiled_regex()
    {
        var call = (MethodCallExpression)Lambda(Chain(Compile("where path matches \"\\\\.gz$\"").Expression)[0]).Body;
        call.Method.Name.Should().Be("Matches");
        var regex = (Regex)((ConstantExpression)call.Arguments[1]).Value!;
        regex.ToString().Should().Be("\\.gz$");
        regex.Options.Should().HaveFlag(RegexOptions.Compiled);
        var again = (MethodCallExpression)Lambda(Chain(Compile("where host matches \"\\\\.gz$\"").Expression)[0]).Body;
        ((ConstantExpression)again.Arguments[1]).Value.Should().BeSameAs(regex);
    }

    [Fact]
    public void Count_is_LongCount_and_a_scalar()
    {
        CompiledQuery query = Compile("where status == 404 | count");
        Names(query).Should().Be("Where LongCount");
        query.IsScalar.Should().BeTrue();
        query.Columns.Should().Equal(new QueryColumn("count", typeof(long)));
    }

    [Fact]
    public void Distinct_is_Select_then_Distinct()
    {
        CompiledQuery query = Compile("where status == 404 | distinct path");
        Names(query).Should().Be("Where Select Distinct Select");
        List<MethodCallExpression> chain = Chain(query.Expression);
        Lambda(chain[1]).ToString().Should().Be("r => r.Path");
        query.Columns.Should().Equal(new QueryColumn("path", typeof(string)));
    }

    [Fact]
    public void Distinct_of_several_values_compares_value_tuples()
    {
        List<MethodCallExpression> chain = Chain(Compile("distinct host, status").Expression);
        Lambda(chain[0]).ReturnType.Should().Be<ValueTuple<string, int>>();
        chain[1].Method.Name.Should().Be("Distinct");
    }

    [Fact]
    public void Summarize_is_GroupBy_then_Select_of_an_object_array_of_the_key_and_aggregates()
    {
        CompiledQuery query = Compile("summarize count(), sum(bytes) as b, avg(bytes), min(time), max(path), dcount(host) by status");
        List<MethodCallExpression> chain = Chain(query.Expression);
        string.Join(" ", chain.Select(c => c.Method.Name)).Should().Be("GroupBy Select");
        Lambda(chain[0]).ToString().Should().Be("r => r.Status");
        Lambda(chain[1]).Body.ToString().Should().Be(
            "new [] {Convert(g.Key, Object), Convert(g.LongCount(), Object), Convert(g.Sum(r => r.Bytes), Object), "
            + "Convert(g.Average(r => r.Bytes), Object), Convert(g.Min(r => r.Time), Object), Convert(g.Max(r => r.Path), Object), "
            + "Convert(g.Select(r => r.Host).Distinct().LongCount(), Object)}");
        query.Columns.Select(c => $"{c.Name}:{c.Type.Name}").Should().Equal(
            "status:Int32", "count:Int64", "b:Int64", "avg_bytes:Double", "min_time:DateTimeOffset", "max_path:String", "dcount_host:Int64");
    }

    [Fact]
    public void Summarize_by_several_keys_groups_by_a_value_tuple()
    {
        List<MethodCallExpression> chain = Chain(Compile("summarize count() by bin(time, 1h) as hour, status").Expression);
        LambdaExpression key = Lambda(chain[0]);
        key.ReturnType.Should().Be<ValueTuple<DateTimeOffset, int>>();
        Lambda(chain[1]).Body.ToString().Should().StartWith("new [] {Convert(g.Key.Item1, Object), Convert(g.Key.Item2, Object), ");
    }

    [Fact]
    public void Summarize_without_by_is_one_group_and_one_row_even_of_nothing()
    {
        CompiledQuery query = Compile("summarize count(), sum(bytes), max(bytes)");
        Names(query).Should().Be("GroupBy Select DefaultIfEmpty");
        Lambda(Chain(query.Expression)[0]).Body.Should().BeOfType<ConstantExpression>();
        var empty = (object?[])((ConstantExpression)Chain(query.Expression)[2].Arguments[1]).Value!;
        empty.Should().Equal(0L, 0L, null);
    }

    [Fact]
    public void Sum_of_an_int_field_is_taken_as_long()
    {
        Lambda(Chain(Compile("summarize sum(status)").Expression)[1]).Body.ToString()
            .Should().Contain("g.Sum(r => Convert(r.Status, Int64))");
    }

    [Fact]
    public void Top_is_OrderByDescending_then_Take()
    {
        CompiledQuery query = Compile("top 10 by bytes");
        List<MethodCallExpression> chain = Chain(query.Expression);
        string.Join(" ", chain.Select(c => c.Method.Name)).Should().Be("OrderByDescending Take Select");
        Lambda(chain[0]).ToString().Should().Be("r => r.Bytes");
        ((ConstantExpression)chain[1].Arguments[1]).Value.Should().Be(10);
        Names(Compile("top 3 by bytes asc")).Should().StartWith("OrderBy Take");
    }

    [Fact]
    public void Sort_is_OrderBy_then_ThenBy_ascending_unless_desc()
    {
        Names(Compile("sort by bytes desc, host, path asc | take 5")).Should().Be("OrderByDescending ThenBy ThenBy Take Select");
    }

    [Fact]
    public void Select_computes_its_columns_over_the_records_so_a_later_where_is_still_pushed_down()
    {
        CompiledQuery query = Compile("select path as p, bytes / 1KB as kb | where kb > 10");
        List<MethodCallExpression> chain = Chain(query.Expression);
        string.Join(" ", chain.Select(c => c.Method.Name)).Should().Be("Where Select");
        Lambda(chain[0]).ToString().Should().Be("r => ((Convert(r.Bytes, Double) / 1024) > 10)");
        query.Columns.Select(c => c.Name).Should().Equal("p", "kb");
    }

    [Fact]
    public void Stages_after_a_summarize_read_its_columns()
    {
        List<MethodCallExpression> chain = Chain(Compile("summarize count() as n by host | where n > 5 | sort by n desc").Expression);
        Lambda(chain[2]).ToString().Should().Be("row => (Cell(row, 1) > 5)");
        Lambda(chain[2]).Parameters[0].Type.Should().Be<object[]>();
    }

    [Fact]
    public void Records_without_a_select_come_out_with_every_field()
    {
        Compile("take 1").Columns.Select(c => c.Name).Should().Equal(
            "host", "ident", "user", "time", "method", "path", "protocol", "status", "bytes", "referrer", "agent", "vhost", "duration", "file", "line");
    }

    [Fact]
    public void Default_column_names()
    {
        Compile("select lower(agent), bin(time, 1d), bytes * 2, path").Columns.Select(c => c.Name)
            .Should().Equal("lower_agent", "time", "column3", "path");
    }

    [Fact]
    public void Functions_compile_to_calls_of_their_own_and_properties()
    {
        string body = Lambda(Chain(Compile("where hour(time) == 3 and day(time) == 24 and len(path) > 3 and upper(method) == 'GET' and ext(path) == 'gz'").Expression)[0]).Body.ToString();
        body.Should().Contain("(r.Time.Hour == 3)").And.Contain("(r.Time.Day == 24)").And.Contain("(Len(r.Path) > 3)")
            .And.Contain("(Upper(r.Method) == \"GET\")").And.Contain("(Ext(r.Path) == \"gz\")");

        WhereBody("minute(time) == 5 and month(time) == 2 and year(time) == 2008 and weekday(time) == 'Monday'")
            .Should().Be("((((r.Time.Minute == 5) AndAlso (r.Time.Month == 2)) AndAlso (r.Time.Year == 2008)) AndAlso (Weekday(r.Time) == \"Monday\"))");
        WhereBody("pathname(path) == '/' and querystring(path) != '' and split(path, '/', status) == 'x' and substring(path, 1) == replace(host, '.', '')")
            .Should().Be("((((Pathname(r.Path) == \"/\") AndAlso (Querystring(r.Path) != \"\")) AndAlso (Split(r.Path, \"/\", Convert(r.Status, Int64)) == \"x\"))"
                + " AndAlso (Substring(r.Path, 1) == Replace(r.Host, \".\", \"\")))");
    }

    [Fact]
    public void Extract_and_matches_share_one_regular_expression_made_when_the_query_is_compiled()
    {
        MethodCallExpression extract = (MethodCallExpression)((BinaryExpression)Lambda(Chain(Compile("where extract(path, '^/([a-z]+)') == 'ply'").Expression)[0]).Body).Left;
        MethodCallExpression matches = (MethodCallExpression)Lambda(Chain(Compile("where path matches '^/([a-z]+)'").Expression)[0]).Body;
        extract.Arguments[1].Should().BeOfType<ConstantExpression>().Which.Value.Should().BeSameAs(((ConstantExpression)matches.Arguments[1]).Value);
        extract.Arguments[2].Should().BeOfType<ConstantExpression>().Which.Value.Should().Be(1, "the pattern's one group");
    }

    [Fact]
    public void Time_and_duration_arithmetic()
    {
        WhereBody("time - 1h > 2008-02-24T00:00:00Z").Should().Contain("Earlier(r.Time, 01:00:00)"); // QueryFunctions.Earlier: past the calendar, an overflow that says so
        Compile("select time - time as zero").Columns.Single().Type.Should().Be<TimeSpan>();
        Compile("select host + \":\" + path as url").Columns.Single().Type.Should().Be<string>();
    }

    [Fact]
    public void The_from_format_is_the_source_format()
    {
        string plan = QueryCompiler.Compile($"from \"{Log}\" as common | count").Explain();
        plan.Should().Contain("format common");
    }

    [Fact]
    public void Compiling_reads_no_file()
    {
        // The glob matches nothing: the files are first looked for when the query runs.
        CompiledQuery query = QueryCompiler.Compile("from \"/no/such/dir/*.log\" | where status == 404 | count");
        query.IsScalar.Should().BeTrue();
        FluentActions.Invoking(() => query.Execute()).Should().Throw<LogLinq.Sources.LogSourceException>();
    }
}

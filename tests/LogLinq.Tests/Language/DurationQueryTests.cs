using LogLinq.Formats;
using LogLinq.Language;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Language;

/// <summary>
/// The field <c>duration</c> in the query language and in LINQ, over a small IIS log whose answers
/// are worked out by hand below: compared with duration literals and parameters, null where the
/// line has none, summed, averaged, min/maxed, sorted, and the same whether the provider or LINQ to
/// Objects answers.
/// </summary>
public sealed class DurationQueryTests : IDisposable
{
    // time-taken in ms: /a 46, 154, 0; /b 2500 and '-' (none); /c 3100.
    private const string Log =
        "#Software: Microsoft Internet Information Services 10.0\n"
        + "#Fields: date time c-ip cs-method cs-uri-stem sc-status sc-bytes time-taken\n"
        + "2024-03-01 00:00:01 203.0.113.7 GET /a 200 100 46\n"
        + "2024-03-01 00:00:02 203.0.113.7 GET /b 200 200 2500\n"
        + "2024-03-01 00:00:03 198.51.100.2 GET /a 200 300 154\n"
        + "2024-03-01 00:00:04 198.51.100.2 GET /b 500 0 -\n"
        + "2024-03-01 00:00:05 192.0.2.10 GET /c 200 50 3100\n"
        + "2024-03-01 00:00:06 192.0.2.10 GET /a 304 0 0\n";

    private readonly TempDirectory _dir = new();
    private readonly string _log;

    public DurationQueryTests() => _log = _dir.Write("u_ex240301.log", Log);

    public void Dispose() => _dir.Dispose();

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    private List<object?[]> Rows(string query, IReadOnlyDictionary<string, string>? parameters = null) =>
        [.. QueryCompiler.Compile(query, new QueryOptions { Globs = [_log], Parameters = parameters ?? new Dictionary<string, string>() }).Execute().Rows];

    private object? Scalar(string query, IReadOnlyDictionary<string, string>? parameters = null) => Rows(query, parameters).Single().Single();

    [Fact]
    public void Compares_with_duration_literals_and_is_false_where_there_is_none()
    {
        Scalar("where duration > 2s | count").Should().Be(2L);
        Scalar("where duration >= 2500ms | count").Should().Be(2L);
        Scalar("where duration < 0.1s | count").Should().Be(2L, "46 ms and 0 ms; the line without a duration is not below it");
        Scalar("where not (duration < 0.1s) | count").Should().Be(4L, "not of a comparison with nothing is true, as C#'s lifted comparisons give");
        Scalar("where duration == 154ms | count").Should().Be(1L);
        Scalar("where duration in (46ms, 154ms) | count").Should().Be(2L);
        Scalar("where duration - 1s > 2s | count").Should().Be(1L, "only /c: 3100 - 1000 > 2000");
    }

    [Fact]
    public void Null_is_a_line_without_a_duration()
    {
        Scalar("where duration == null | count").Should().Be(1L);
        Scalar("where duration != null | count").Should().Be(5L);
        Rows("where duration == null | select path, status").Single().Should().Equal("/b", 500);
    }

    [Fact]
    public void A_parameter_beside_duration_is_a_duration()
    {
        Scalar("where duration > $slow | count", new Dictionary<string, string> { ["slow"] = "1s" }).Should().Be(2L);
        Scalar("where duration > $slow | count", new Dictionary<string, string> { ["slow"] = "100ms" }).Should().Be(3L);
    }

    [Fact]
    public void Summarizes_durations_per_path()
    {
        // /a: 46 + 154 + 0 = 200 ms over 3, 66.666... ms, 666,666.67 ticks, to the nearest tick.
        Rows("summarize count() as n, avg(duration), max(duration), min(duration), sum(duration) by path | sort by path").Should().BeEquivalentTo(
            new object?[][]
            {
                ["/a", 3L, TimeSpan.FromTicks(666_667), Ms(154), TimeSpan.Zero, Ms(200)],
                ["/b", 2L, Ms(2500), Ms(2500), Ms(2500), Ms(2500)],
                ["/c", 1L, Ms(3100), Ms(3100), Ms(3100), Ms(3100)],
            },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Summarize_of_no_duration_is_a_sum_of_zero_and_no_average()
    {
        Rows("where status == 999 | summarize sum(duration), avg(duration), max(duration)").Single().Should().Equal(TimeSpan.Zero, null, null);
        Rows("where duration == null | summarize sum(duration), avg(duration), count()").Single().Should().Equal(TimeSpan.Zero, null, 1L);
    }

    [Fact]
    public void Top_and_sort_put_a_missing_duration_below_every_other()
    {
        Rows("top 2 by duration desc | select path, duration").Should().BeEquivalentTo(
            new object?[][] { ["/c", Ms(3100)], ["/b", Ms(2500)] }, o => o.WithStrictOrdering());
        Rows("sort by duration | take 2 | select path, duration").Should().BeEquivalentTo(
            new object?[][] { ["/b", null], ["/a", TimeSpan.Zero] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Durations_add_and_subtract_as_durations_and_a_missing_one_gives_none()
    {
        Rows("select path, duration + 1s as later | where later > 4s").Should().BeEquivalentTo(new object?[][] { ["/c", Ms(4100)] });
        Rows("where path == '/c' or status == 500 | select duration + 1s, -duration").Should().BeEquivalentTo(
            new object?[][] { [null, null], [Ms(4100), -Ms(3100)] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void The_provider_and_linq_to_objects_agree()
    {
        List<LogRecord> records = [.. LogSource.Open(_log)];
        foreach (string query in new[]
        {
            "where duration > 100ms | select path, duration",
            "summarize avg(duration), sum(duration), max(duration), min(duration), dcount(duration) by path",
            "top 3 by duration | select path",
            "summarize avg(duration) by bin(time, 2s)",
        })
        {
            CompiledQuery compiled = QueryCompiler.Compile(query, new QueryOptions { Globs = [_log] });
            compiled.Execute().Rows.Should().BeEquivalentTo(compiled.Execute(records).Rows, o => o.WithStrictOrdering(), query);
        }
    }

    [Fact]
    public void Mistakes_with_durations_are_told_before_reading()
    {
        Action contains = () => QueryCompiler.Compile("where duration contains '1'", new QueryOptions { Globs = [_log] });
        contains.Should().Throw<QueryException>().WithMessage("*contains needs text on its left, but duration is a duration*");

        Action number = () => QueryCompiler.Compile("where duration > 5", new QueryOptions { Globs = [_log] });
        number.Should().Throw<QueryException>().WithMessage("*cannot compare duration (a duration) with 5 (an integer)*");

        Action later = () => QueryCompiler.Compile("select time + duration", new QueryOptions { Globs = [_log] });
        later.Should().Throw<QueryException>().WithMessage("*duration is null where the log has none*");
    }

    [Fact]
    public void A_common_log_has_no_duration()
    {
        string common = _dir.Write("access-log", "140.180.132.213 - - [24/Feb/2008:00:08:59 -0600] \"GET /ply/ply.html HTTP/1.1\" 200 97238\n");
        CompiledQuery query = QueryCompiler.Compile("summarize count(), sum(duration), avg(duration), max(duration)", new QueryOptions { Globs = [common] });
        query.Execute().Rows.Single().Should().Equal(1L, TimeSpan.Zero, null, null);
    }

    [Fact]
    public void Linq_reads_the_duration_as_a_nullable_timespan()
    {
        IQueryable<LogRecord> logs = LogSource.Open(_log, new LogSourceOptions { Format = LogFormat.W3c });

        logs.Where(r => r.Duration > TimeSpan.FromSeconds(2)).Count().Should().Be(2);
        logs.Max(r => r.Duration).Should().Be(Ms(3100));
        logs.Min(r => r.Duration).Should().Be(TimeSpan.Zero);
        logs.OrderByDescending(r => r.Duration).Take(2).Select(r => r.Path).ToList().Should().Equal("/c", "/b");
        logs.GroupBy(r => r.Path).Select(g => new { g.Key, Slowest = g.Max(r => r.Duration) }).ToList()
            .Should().Equal(new { Key = "/a", Slowest = (TimeSpan?)Ms(154) }, new { Key = "/b", Slowest = (TimeSpan?)Ms(2500) }, new { Key = "/c", Slowest = (TimeSpan?)Ms(3100) });
        logs.Select(r => r.Duration).ToList().Should().Equal(Ms(46), Ms(2500), Ms(154), null, Ms(3100), TimeSpan.Zero);
        logs.Where(r => r.Duration > TimeSpan.FromSeconds(2)).Select(r => r.Path).Explain().Should().Contain("duration");
    }

    [Fact]
    public void A_comparison_with_a_constant_is_tested_on_the_parsed_duration_before_a_record_is_made()
    {
        string Explain(string query) => QueryCompiler.Compile(query, new QueryOptions { Globs = [_log] }).Explain();

        Explain("where duration > 1500ms | count").Should().Contain("pushdown:   duration > 1.5s\n").And.NotContain("[on record]");
        Explain("where 2s <= duration or duration == null | count").Should().Contain("pushdown:   (duration >= 2s || duration == null)\n");
        Explain("where duration - 1s > 2s | count").Should().Contain("[on record]", "arithmetic on the duration is C#'s");

        IQueryable<LogRecord> logs = LogSource.Open(_log, new LogSourceOptions { Format = LogFormat.W3c });
        TimeSpan limit = Ms(154);
        logs.Where(r => r.Duration >= limit).Explain().Should().Contain("pushdown:   duration >= 154ms\n");
    }

    [Fact]
    public void A_pushed_down_comparison_is_false_where_there_is_no_duration_but_for_not_equal()
    {
        // As C#'s lifted operators: of the six lines, /b's 500 has none.
        Scalar("where duration != 46ms | count").Should().Be(5L, "the line without a duration is not 46 ms");
        Scalar("where duration == 0s | count").Should().Be(1L);
        Scalar("where duration <= 3100ms | count").Should().Be(5L);
        Scalar("where not (duration > 0s) | count").Should().Be(2L, "0 ms, and the line without one");
        Rows("where duration >= 154ms | select path, duration").Should().BeEquivalentTo(
            new object?[][] { ["/b", Ms(2500)], ["/a", Ms(154)], ["/c", Ms(3100)] }, o => o.WithStrictOrdering());
    }
}

using LogLinq.Language;
using LogLinq.Query;

namespace LogLinq.Tests.Language;

/// <summary>
/// The language's integers are 64-bit and checked: a sum, an average or an integer <c>+ - *</c> that
/// does not fit throws <see cref="OverflowException"/> (as <c>Enumerable.Sum</c> and C#'s
/// <c>checked</c> do) rather than wrapping round to a wrong answer, and the message names the
/// query's own expression.
/// </summary>
public sealed class OverflowMessageTests
{
    private const long Huge = long.MaxValue - 5;

    private static string Line(string host, long bytes) =>
        $"{host} - - [10/Oct/2023:13:55:00 +0000] \"GET /x HTTP/1.1\" 200 {bytes} \"-\" \"UA\"";

    private static QueryResult Run(string query, string log, int workers = 1) =>
        QueryCompiler.Compile(query, new QueryOptions { Globs = [log], Source = new LogSourceOptions { MaxDegreeOfParallelism = workers } }).Execute();

    private static Action Reading(string query, string log) => () => _ = Run(query, log).Rows.ToList();

    [Theory]
    [InlineData("summarize sum(bytes)", "the sum of bytes does not fit in a 64-bit integer (arithmetic overflow)")]
    [InlineData("summarize avg(bytes)", "the sum of bytes does not fit in a 64-bit integer (arithmetic overflow)")]
    [InlineData("summarize sum(bytes) as total by host", "the sum of bytes does not fit in a 64-bit integer (arithmetic overflow)")]
    [InlineData("summarize sum(bytes), sum(status)", "the sum of bytes or the sum of status does not fit in a 64-bit integer (arithmetic overflow)")]
    [InlineData("select bytes + 10", "bytes + 10 does not fit in a 64-bit integer (arithmetic overflow)")]
    [InlineData("select bytes * 2   # twice", "bytes * 2 does not fit in a 64-bit integer (arithmetic overflow)")]
    [InlineData("where bytes +\n  bytes > 0 | count", "bytes + bytes does not fit in a 64-bit integer (arithmetic overflow)")]
    [InlineData("select -bytes - 10", "-bytes or -bytes - 10 does not fit in a 64-bit integer (arithmetic overflow)")]
    public void An_overflow_names_the_expression(string query, string message)
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access.log", Line("192.0.2.1", Huge), Line("192.0.2.1", 10));

        Reading(query, log).Should().Throw<OverflowException>().WithMessage(message);
    }

    [Fact]
    public void A_count_is_a_scalar_whose_overflow_is_thrown_by_Execute()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access.log", Line("192.0.2.1", Huge));

        Action execute = () => Run("where bytes + 10 > 0 | count", log);

        execute.Should().Throw<OverflowException>().WithMessage("bytes + 10 does not fit*");
    }

    [Theory]
    [InlineData("select time + 3650000d", "2023-10-10T13:55:00+00:00 + 3650000d is outside the years 1 to 9999 (arithmetic overflow)")]
    [InlineData("select 3650000d + time", "2023-10-10T13:55:00+00:00 + 3650000d is outside the years 1 to 9999 (arithmetic overflow)")]
    [InlineData("where time > 2023-10-10T00:00:00Z - 800000d | count", "2023-10-10T00:00:00+00:00 - 800000d is outside the years 1 to 9999 (arithmetic overflow)")]
    [InlineData("summarize sum(bytes), max(time + 3650000d)", "2023-10-10T13:55:00+00:00 + 3650000d is outside the years 1 to 9999 (arithmetic overflow)")]
    public void A_time_moved_past_the_calendar_is_an_overflow_that_says_so(string query, string message)
    {
        // (Year 9999 is 2.9 million days after 2023; year 1, 738,000 days before.)
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access.log", Line("192.0.2.1", 10));

        Action run = () =>
        {
            QueryResult result = Run(query, log);
            _ = result.IsScalar ? result.Scalar : result.Rows.ToList();
        };

        run.Should().Throw<OverflowException>().WithMessage(message);
    }

    [Fact]
    public void A_time_moved_within_the_calendar_is_computed_as_before()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access.log", Line("192.0.2.1", 10));

        Run("select time + 1h, time - 1d, 30m + time, time - 2023-10-10T13:00:00Z", log).Rows.Single().Should().Equal(
            new DateTimeOffset(2023, 10, 10, 14, 55, 0, TimeSpan.Zero),
            new DateTimeOffset(2023, 10, 9, 13, 55, 0, TimeSpan.Zero),
            new DateTimeOffset(2023, 10, 10, 14, 25, 0, TimeSpan.Zero),
            TimeSpan.FromMinutes(55));
        Run("where time >= 2023-10-10T14:00:00Z - 5m | count", log).Scalar.Should().Be(1L);
    }

    [Fact]
    public void Integers_that_fit_are_computed_as_before()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access.log", Line("192.0.2.1", long.MaxValue - 10), Line("192.0.2.2", 10));

        Run("summarize sum(bytes)", log).Rows.Single().Should().Equal(long.MaxValue);
        Run("select bytes + 10, bytes - 20, -bytes", log).Rows.First().Should().Equal(long.MaxValue, long.MaxValue - 30, -(long.MaxValue - 10));
    }

    [Fact]
    public void Bin_of_an_integer_rounds_down_with_any_size()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access.log", Line("192.0.2.1", 10), Line("192.0.2.1", long.MaxValue - 1));

        // 10 is 0 whole sizes of 2^63-1, and 2^63-2 is 1 whole size of 2^62 (4611686018427387904).
        Run("select bin(bytes, 9223372036854775807) as a, bin(bytes, 4611686018427387904) as b", log).Rows.ToList()
            .Should().BeEquivalentTo([new object[] { 0L, 0L }, new object[] { 0L, 4611686018427387904L }], o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_file_cut_into_ranges_overflows_the_same()
    {
        using var temp = new TempDirectory();
        string[] lines = [.. Enumerable.Range(0, 6000).Select(i => Line($"192.0.2.{i % 7}", i == 5000 ? Huge : 1000))];
        string log = temp.WriteLines("access.log", lines);
        var options = new QueryOptions { Globs = [log], Source = new LogSourceOptions { MaxDegreeOfParallelism = 2 } };
        CompiledQuery query = QueryCompiler.Compile("summarize sum(bytes) by host", options);

        Action read = () => _ = query.Execute().Rows.ToList();

        read.Should().Throw<OverflowException>().WithMessage("the sum of bytes does not fit in a 64-bit integer (arithmetic overflow)");
    }

    [Fact]
    public void A_batch_names_the_sum_of_the_query_that_overflowed()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access.log", Line("192.0.2.1", Huge), Line("192.0.2.1", 10));
        var options = new QueryOptions { Globs = [log] };
        CompiledQuery sum = QueryCompiler.Compile("summarize sum(bytes) by host", options);
        CompiledQuery count = QueryCompiler.Compile("count", options);
        var batch = new LogBatch(sum.Source!);
        LogBatchResult<QueryResult> sums = sum.AddTo(batch);
        LogBatchResult<QueryResult> lines = count.AddTo(batch);

        batch.Run();

        sums.Invoking(s => s.Value).Should().Throw<OverflowException>()
            .WithMessage("the sum of bytes does not fit in a 64-bit integer (arithmetic overflow)");
        lines.Value.Scalar.Should().Be(2L, "the log has two lines, and the count is answered all the same");
    }

    [Fact]
    public void The_overflow_keeps_the_runtimes_as_its_inner_exception()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access.log", Line("192.0.2.1", Huge), Line("192.0.2.1", 10));

        Reading("summarize sum(bytes)", log).Should().Throw<OverflowException>().WithInnerException<OverflowException>();
    }
}

using LogLinq.Formats;
using LogLinq.Language;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Query.Aggregates;
using LogLinq.Records;

namespace LogLinq.Tests.Query;

/// <summary>
/// Percentiles: exact (nearest rank) up to 1,024 values, within 1 % past that, and the same however
/// the values are split into parts and merged, so the provider's parallel scan answers as LINQ to
/// Objects does. Expectations are sorted lists ranked here, or awk's over the sample log.
/// </summary>
public sealed class PercentileTests
{
    private static readonly string SampleLog = Path.Combine(TestPaths.Data, "access-log");

    /// <summary>Small enough that a test file is cut into several ranges on two workers.</summary>
    private static readonly LogSourceOptions Split = new() { MaxDegreeOfParallelism = 2, MinPartSize = 16 * 1024 };

    /// <summary>The nearest-rank percentile of <paramref name="values"/>, ranked here: the value at rank ⌈p/100 × n⌉.</summary>
    private static double NearestRank(IReadOnlyList<double> values, int percent)
    {
        double[] sorted = [.. values.Order()];
        int rank = Math.Max(1, (int)Math.Ceiling(percent / 100.0 * sorted.Length));
        return sorted[rank - 1];
    }

    /// <summary>Sizes spread over six orders of magnitude, as responses are, with some repeated and some zero.</summary>
    private static List<double> Sizes(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => i % 17 == 0 ? 0 : i % 5 == 0 ? 133 : Math.Round(Math.Exp(random.NextDouble() * 14)))];
    }

    private static PercentileSketch SketchOf(IEnumerable<double> values)
    {
        var sketch = new PercentileSketch();
        foreach (double value in values)
        {
            sketch.Add(value);
        }

        return sketch;
    }

    [Fact]
    public void Up_to_the_limit_the_percentile_is_the_value_of_that_rank()
    {
        List<double> values = Sizes(PercentileSketch.ExactLimit, seed: 1);
        PercentileSketch sketch = SketchOf(values);

        foreach (int percent in new[] { 1, 10, 25, 50, 75, 90, 95, 99, 100 })
        {
            sketch.Percentile(percent).Should().Be(NearestRank(values, percent), $"p{percent}");
        }
    }

    [Fact]
    public void Past_the_limit_every_percentile_is_within_one_percent()
    {
        List<double> values = Sizes(200_000, seed: 2);
        values.AddRange(Sizes(1000, seed: 3).Select(v => -v)); // negative values are ranked too
        PercentileSketch sketch = SketchOf(values);

        for (int percent = 1; percent <= 100; percent++)
        {
            double truth = NearestRank(values, percent);
            sketch.Percentile(percent).Should().BeApproximately(truth, Math.Abs(truth) * PercentileSketch.RelativeAccuracy, $"p{percent}");
        }

        sketch.Percentile(100).Should().Be(values.Max(), "the largest value is kept as it is");
    }

    [Theory]
    [InlineData(100)]
    [InlineData(700)]
    [InlineData(50_000)]
    public void Parts_merged_in_any_order_answer_as_one_sketch_of_every_value(int count)
    {
        List<double> values = Sizes(count, seed: 4);
        PercentileSketch whole = SketchOf(values);

        // Cut into uneven parts, as a parallel scan's ranges are, merged left to right and right to left.
        int[] cuts = [0, count / 7, count / 3, count / 2, count - (count / 9), count];
        List<List<double>> parts = [.. cuts.Zip(cuts.Skip(1), (from, to) => values[from..to])];
        PercentileSketch forward = SketchOf(parts[0]);
        foreach (List<double> part in parts.Skip(1))
        {
            forward.Merge(SketchOf(part));
        }

        PercentileSketch backward = SketchOf(parts[^1]);
        foreach (List<double> part in Enumerable.Reverse(parts).Skip(1))
        {
            backward.Merge(SketchOf(part));
        }

        for (int percent = 1; percent <= 100; percent++)
        {
            forward.Percentile(percent).Should().Be(whole.Percentile(percent), $"p{percent}, merged forward");
            backward.Percentile(percent).Should().Be(whole.Percentile(percent), $"p{percent}, merged backward");
        }
    }

    [Fact]
    public void No_values_no_percentile_and_a_percent_out_of_range_is_refused()
    {
        new PercentileSketch().Percentile(50).Should().BeNull();
        Array.Empty<LogRecord>().Percentile(r => r.Bytes, 50).Should().BeNull();

        FluentActions.Invoking(() => Array.Empty<LogRecord>().Percentile(r => r.Bytes, 0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Array.Empty<LogRecord>().Percentile(r => r.Bytes, 100.5)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void The_provider_takes_percentiles_in_parallel_as_linq_to_objects_does()
    {
        using var temp = new TempDirectory();
        List<double> sizes = Sizes(30_000, seed: 5);
        string log = temp.WriteLines("access.log", [.. sizes.Select((bytes, i) =>
            $"192.0.2.{i % 7} - - [10/Oct/2023:13:{i / 1000 % 60:00}:00 +0000] \"GET /p{i % 3} HTTP/1.1\" {(i % 11 == 0 ? 404 : 200)} {bytes} \"-\" \"UA\"")]);
        List<LogRecord> records = [.. new[] { log }.Open().Cat().Parse(LogFormat.Common)];
        IQueryable<LogRecord> logs = LogSource.Open(log, Split);

        var expected = records.GroupBy(r => r.Status)
            .Select(g => new { g.Key, P50 = g.Percentile(r => r.Bytes, 50), P99 = g.Percentile(r => r.Bytes, 99) }).OrderBy(x => x.Key).ToList();
        var answered = logs.GroupBy(r => r.Status)
            .Select(g => new { g.Key, P50 = g.Percentile(r => r.Bytes, 50), P99 = g.Percentile(r => r.Bytes, 99) }).ToList().OrderBy(x => x.Key).ToList();

        answered.Should().Equal(expected);
        logs.GroupBy(r => r.Status).Select(g => new { g.Key, P = g.Percentile(r => r.Bytes, 95) }).Explain()
            .Should().Contain("computing percentile(r => r.Bytes, 95)").And.Contain("parallel, 2 worker(s)");

        // And the nearest rank itself, in the 404s' group (2,728 values: within 1 %), ranked here from the file's own numbers.
        List<double> notFound = [.. sizes.Where((_, i) => i % 11 == 0)];
        double truth = NearestRank(notFound, 99);
        ((double)answered.Single(x => x.Key == 404).P99!.Value).Should().BeApproximately(truth, truth * PercentileSketch.RelativeAccuracy);
    }

    [Fact]
    public void The_language_on_the_sample_log_agrees_with_awk()
    {
        // for s in 206 301 404; do awk -v s=$s '$9==s {print $10}' data/access-log | sort -n |
        //   awk '{a[NR]=$1} END {n=NR; print a[int((50*n+99)/100)], a[int((95*n+99)/100)]}'; done
        //   206: 161949 3181210 (51 values)   301: 242 250 (83)   404: 133 133 (2053, all but one 133)
        List<object?[]> rows = [.. QueryCompiler.Compile("summarize p50(bytes), p95(bytes) by status | sort by status", new QueryOptions { Globs = [SampleLog] }).Execute().Rows];
        rows.Single(r => (int)r[0]! == 206).Should().Equal(206, 161949d, 3181210d);
        rows.Single(r => (int)r[0]! == 301).Should().Equal(301, 242d, 250d);
        rows.Single(r => (int)r[0]! == 404).Should().Equal(404, 133d, 133d);

        // awk '{print $10}' data/access-log | sort -n | awk '{a[NR]=$1} END {n=NR; print a[int((50*n+99)/100)], a[int((95*n+99)/100)], a[int((99*n+99)/100)], a[n]}'
        //   2871 97238 279116 4919642 (7298 values: past the exact limit, so within 1 %)
        object?[] whole = QueryCompiler.Compile("summarize p50(bytes), p95(bytes), p99(bytes), p100(bytes)", new QueryOptions { Globs = [SampleLog] }).Execute().Rows.Single();
        ((double)whole[0]!).Should().BeApproximately(2871, 28.71);
        ((double)whole[1]!).Should().BeApproximately(97238, 972.38);
        ((double)whole[2]!).Should().BeApproximately(279116, 2791.16);
        whole[3].Should().Be(4919642d);
    }

    [Fact]
    public void Percentiles_of_durations_leave_out_the_lines_without_one()
    {
        // nginx's request_time, in seconds: 1 ms to 100 ms on /a, and a line without one, which is left out.
        using var temp = new TempDirectory();
        string log = temp.WriteLines("nginx.json", [
            .. Enumerable.Range(1, 100).Select(ms =>
                $$"""{"time_local":"10/Oct/2023:13:55:00 +0000","remote_addr":"10.0.0.1","request":"GET /a HTTP/1.1","status":200,"body_bytes_sent":10,"request_time":"{{ms / 1000.0:0.000}}"}"""),
            """{"time_local":"10/Oct/2023:13:55:00 +0000","remote_addr":"10.0.0.1","request":"GET /a HTTP/1.1","status":200,"body_bytes_sent":10}""",
        ]);

        object?[] row = QueryCompiler.Compile("summarize p50(duration), p95(duration), p100(duration), count() by path", new QueryOptions { Globs = [log] }).Execute().Rows.Single();

        // Ranks ⌈0.5 × 100⌉ = 50 and ⌈0.95 × 100⌉ = 95 of 1..100 ms.
        row.Should().Equal("/a", TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(95), TimeSpan.FromMilliseconds(100), 101L);
    }

    [Theory]
    [InlineData("summarize p0(bytes)", "p0 is no percentile: they are p1 to p100 (p50 is the median)")]
    [InlineData("summarize p101(bytes)", "p101 is no percentile: they are p1 to p100 (p50 is the median)")]
    [InlineData("summarize p95(path)", "p95 needs numbers or durations, but path is text")]
    [InlineData("where p95(bytes) > 10 | count", "p95() is an aggregate: use it in summarize, as summarize p95(bytes)")]
    public void Mistakes_are_told(string query, string message)
    {
        FluentActions.Invoking(() => QueryCompiler.Compile(query, new QueryOptions { Globs = [SampleLog] }))
            .Should().Throw<QueryException>().Which.Message.Should().Contain(message);
    }
}

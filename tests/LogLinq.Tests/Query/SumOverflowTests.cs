using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Query.Execution;
using LogLinq.Records;

namespace LogLinq.Tests.Query;

/// <summary>
/// Sums of bytes that do not fit in a long. LINQ to Objects' <c>Sum</c> and <c>Average</c> of longs
/// are checked and throw <see cref="OverflowException"/>; the provider must throw it too, from the
/// query on the caller's thread, however the scan is cut into parts and wherever the overflow
/// happens (within a part, or only when the parts' sums are merged) — and must not throw where the
/// total just fits.
/// </summary>
public sealed class SumOverflowTests
{
    /// <summary>Small enough that the test file is cut into several ranges on two workers.</summary>
    private static readonly LogSourceOptions Split = new() { MaxDegreeOfParallelism = 2, MinPartSize = 16 * 1024 };

    private static readonly LogSourceOptions Sequential = new() { MaxDegreeOfParallelism = 1 };

    private static string Line(int n, long bytes) =>
        $"192.0.2.{n % 5} - - [10/Oct/2023:13:55:00 +0000] \"GET /p{n} HTTP/1.1\" 200 {bytes} \"-\" \"UA\"";

    /// <summary>Writes <paramref name="count"/> lines of 1000 bytes each, but for the lines <paramref name="big"/> sets.</summary>
    private static string Write(TempDirectory temp, string name, int count, params (int Line, long Bytes)[] big)
    {
        Dictionary<int, long> bytes = big.ToDictionary(b => b.Line, b => b.Bytes);
        return temp.WriteLines(name, [.. Enumerable.Range(0, count).Select(i => Line(i, bytes.GetValueOrDefault(i, 1000)))]);
    }

    /// <summary>The records as the pull pipeline parses them, for LINQ to Objects to answer.</summary>
    private static List<LogRecord> Parsed(params string[] files) => files.Open().Cat().Parse(LogFormat.Common).ToList();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_sum_that_overflows_throws_as_linq_to_objects_does(bool split)
    {
        using var temp = new TempDirectory();
        string path = Write(temp, "access.log", 6000, (5000, long.MaxValue - 5));
        IQueryable<LogRecord> logs = LogSource.Open(path, split ? Split : Sequential);
        List<LogRecord> list = Parsed(path);

        list.Invoking(l => l.Sum(r => r.Bytes)).Should().Throw<OverflowException>("LINQ to Objects is the reference");
        logs.Invoking(q => q.Sum(r => r.Bytes)).Should().Throw<OverflowException>();
        logs.Invoking(q => q.Average(r => r.Bytes)).Should().Throw<OverflowException>();
        logs.Invoking(q => q.GroupBy(r => r.Host).Select(g => new { g.Key, Bytes = g.Sum(r => r.Bytes) }).ToList()).Should().Throw<OverflowException>();
        logs.Invoking(q => q.GroupBy(r => r.Host).Select(g => g.Average(r => r.Bytes)).ToList()).Should().Throw<OverflowException>();
        logs.Invoking(q => q.Where(r => r.Status == 200).Sum(r => r.Bytes)).Should().Throw<OverflowException>();
    }

    [Fact]
    public void The_test_file_is_cut_into_ranges_and_the_big_line_is_not_in_the_first()
    {
        // What the split cases above and below rely on; the line is about 80 bytes.
        using var temp = new TempDirectory();
        string path = Write(temp, "access.log", 6000, (5000, long.MaxValue - 5));

        List<ScanPart> parts = ScanPartitioner.Partition([path], LogFormat.Common, workers: 2, allowSplit: true, Split.MinPartSize);

        parts.Should().HaveCountGreaterThan(2);
        parts[0].End.Should().BeLessThan(5000L * 70);
    }

    [Fact]
    public void Sums_that_fit_in_each_part_but_not_together_throw_when_the_parts_are_merged()
    {
        using var temp = new TempDirectory();
        const long Half = 5_000_000_000_000_000_000; // two of them are more than long.MaxValue (about 9.22e18)
        string path = Write(temp, "access.log", 6000, (10, Half), (5900, Half));
        List<ScanPart> parts = ScanPartitioner.Partition([path], LogFormat.Common, workers: 2, allowSplit: true, Split.MinPartSize);
        parts[0].End.Should().BeLessThan(5900L * 70, "the two big lines are in different parts");

        LogSource.Open(path, Split).Invoking(q => q.Sum(r => r.Bytes)).Should().Throw<OverflowException>();
        Parsed(path).Invoking(l => l.Sum(r => r.Bytes)).Should().Throw<OverflowException>();
    }

    [Fact]
    public void An_overflow_across_files_throws()
    {
        using var temp = new TempDirectory();
        string first = Write(temp, "a.log", 10, (3, long.MaxValue - 5));
        string second = Write(temp, "b.log", 10);

        LogSource.Open([first, second], Split).Invoking(q => q.Sum(r => r.Bytes)).Should().Throw<OverflowException>();
        LogSource.Open([first, second], Split).Invoking(q => q.GroupBy(r => r.Host).Select(g => g.Sum(r => r.Bytes)).ToList())
            .Should().Throw<OverflowException>();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_total_of_exactly_long_MaxValue_is_no_overflow(bool split)
    {
        using var temp = new TempDirectory();

        // 5999 lines of 1000 bytes and one that makes the total long.MaxValue.
        string path = Write(temp, "access.log", 6000, (5000, long.MaxValue - (5999L * 1000)));

        LogSource.Open(path, split ? Split : Sequential).Sum(r => r.Bytes).Should().Be(long.MaxValue);
        Parsed(path).Sum(r => r.Bytes).Should().Be(long.MaxValue);
    }

    [Fact]
    public void A_batch_whose_sum_overflows_fails_that_query_alone()
    {
        using var temp = new TempDirectory();
        string path = Write(temp, "access.log", 6000, (5000, long.MaxValue - 5));
        var batch = new LogBatch(LogSource.Open(path, Split));
        LogBatchResult<long> count = batch.Add(q => q.LongCount());
        LogBatchResult<long> sum = batch.Add(q => q.Sum(r => r.Bytes));
        LogBatchResult<long> largest = batch.Add(q => q.Max(r => r.Bytes));

        batch.Run();

        sum.Invoking(s => s.Value).Should().Throw<OverflowException>();
        count.Value.Should().Be(6000, "the file has 6000 lines");
        largest.Value.Should().Be(long.MaxValue - 5, "the one huge count");
    }
}

using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Tests.Query;

/// <summary>Many queries in one pass give what each gives alone, and read the input once.</summary>
public class LogBatchTests
{
    private static readonly string Glob = Path.Combine(TestPaths.Data, "www", "**", "access-log*");

    [Fact]
    public void Each_answer_equals_the_query_run_alone_and_the_input_is_read_once()
    {
        var counters = new ReadCounters();
        var logs = LogSource.Open(Glob, new LogSourceOptions { Counters = counters, MinPartSize = 64 * 1024 });
        var batch = new LogBatch(logs);
        var bytes = batch.Add(q => q.Sum(r => r.Bytes));
        var broken = batch.Add(q => q.Where(r => r.Status == 404).Select(r => r.Path).Distinct().ToList());
        var big = batch.Add(q => q.LongCount(r => r.Bytes > 1_000_000));
        var largest = batch.Add(q => q.MaxBy(r => r.Bytes));
        var hosts = batch.Add(q => q.Select(r => r.Host).Distinct().Count());
        var robots = batch.Add(q => q.Where(r => r.Path == "/robots.txt").Select(r => r.Host).Distinct().OrderBy(h => h).ToArray());
        var top = batch.Add(q => q.Where(r => r.Status == 200).GroupBy(r => r.Path)
            .Select(g => new { Path = g.Key, Count = g.Count() }).OrderByDescending(x => x.Count).Take(3).ToList());
        var firstTen = batch.Add(q => q.Where(r => r.Status == 304).Take(10).Select(r => r.LineNumber).ToList());

        batch.Run();
        long readInBatch = counters.BytesRead;

        var alone = LogSource.Open(Glob);
        bytes.Value.Should().Be(alone.Sum(r => r.Bytes));
        broken.Value.Should().Equal(alone.Where(r => r.Status == 404).Select(r => r.Path).Distinct());
        big.Value.Should().Be(alone.LongCount(r => r.Bytes > 1_000_000));
        largest.Value!.LineNumber.Should().Be(alone.MaxBy(r => r.Bytes)!.LineNumber);
        largest.Value.File.Should().Be(alone.MaxBy(r => r.Bytes)!.File);
        hosts.Value.Should().Be(alone.Select(r => r.Host).Distinct().Count());
        robots.Value.Should().Equal(alone.Where(r => r.Path == "/robots.txt").Select(r => r.Host).Distinct().OrderBy(h => h));
        top.Value.Should().Equal(alone.Where(r => r.Status == 200).GroupBy(r => r.Path)
            .Select(g => new { Path = g.Key, Count = g.Count() }).OrderByDescending(x => x.Count).Take(3));
        firstTen.Value.Should().Equal(alone.Where(r => r.Status == 304).Take(10).Select(r => r.LineNumber));

        // Six files of 651619 decompressed bytes; compressed ones read fewer bytes from disk.
        long onDisk = Directory.EnumerateFiles(Path.Combine(TestPaths.Data, "www"), "access-log*", SearchOption.AllDirectories)
            .Sum(f => new FileInfo(f).Length);
        readInBatch.Should().BeLessThanOrEqualTo(onDisk + (16 * 4096));
    }

    [Fact]
    public void An_answer_is_not_there_before_the_batch_runs()
    {
        var batch = new LogBatch(LogSource.Open(Glob));
        LogBatchResult<int> count = batch.Add(q => q.Count());

        var read = () => count.Value;

        read.Should().Throw<InvalidOperationException>().WithMessage("*Run()*");
    }
}

using LogLinq.Query;
using LogLinq.Sources;
using LogLinq.Tests.Core;

namespace LogLinq.Tests.Query;

/// <summary>
/// First, Take, Any and Contains stop reading once the answer is known: proven by the bytes read
/// and the files opened, not by time.
/// </summary>
public class EarlyTerminationTests(BigLogFixture big) : IClassFixture<BigLogFixture>
{
    // The sequential scan reads in 64 KiB buffers; one buffer more allows for a line split across two.
    private const long TwoBuffers = 2 * LineReader.DefaultBufferSize;

    private (IQueryable<Records.LogRecord> Logs, ReadCounters Counters) Open(params string[] files)
    {
        var counters = new ReadCounters();
        return (LogSource.Open(files, new LogSourceOptions { Counters = counters }), counters);
    }

    [Fact]
    public void First_reads_one_buffer_of_a_130_MB_file()
    {
        var (logs, counters) = Open(big.BigLog);

        logs.First().LineNumber.Should().Be(1);

        counters.BytesRead.Should().BeLessThanOrEqualTo(LineReader.DefaultBufferSize);
        counters.FilesOpened.Should().Be(1);
        counters.FilesClosed.Should().Be(1);
    }

    [Fact]
    public void First_with_a_predicate_stops_at_the_first_match()
    {
        var (logs, counters) = Open(big.BigLog);

        // grep -n ' 404 ' data/access-log | head -1 → line 2
        logs.First(r => r.Status == 404).LineNumber.Should().Be(2);

        counters.BytesRead.Should().BeLessThanOrEqualTo(LineReader.DefaultBufferSize);
    }

    [Fact]
    public void Take_and_Any_and_Contains_stop_early()
    {
        var (logs, counters) = Open(big.BigLog);

        logs.Take(100).Count().Should().Be(100);
        logs.Any(r => r.Path == "/robots.txt").Should().BeTrue();
        logs.Select(r => r.Host).Contains("75.54.118.139").Should().BeTrue();

        counters.BytesRead.Should().BeLessThanOrEqualTo(3 * TwoBuffers);
    }

    [Fact]
    public void Stopping_in_the_first_file_never_opens_the_others()
    {
        var (logs, counters) = Open([.. big.Parts]);

        logs.Where(r => r.Bytes > 0).Take(3).ToList().Should().HaveCount(3);

        counters.FilesOpened.Should().Be(1);
        counters.FilesClosed.Should().Be(1);
    }

    [Fact]
    public void A_full_aggregate_reads_every_byte_once()
    {
        var (logs, counters) = Open(big.BigLog);

        logs.LongCount().Should().Be(BigLogFixture.Copies * BigLogFixture.LinesPerCopy);

        // Parallel parts overlap only by the line that crosses each boundary (a few KiB at most).
        counters.BytesRead.Should().BeInRange(BigLogFixture.Copies * BigLogFixture.BytesPerCopy, (BigLogFixture.Copies * BigLogFixture.BytesPerCopy) + (16 * 4096));
        counters.FilesClosed.Should().Be(counters.FilesOpened);
    }
}

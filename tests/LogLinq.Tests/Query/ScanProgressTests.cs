using System.Collections.Concurrent;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Query;

/// <summary>
/// <see cref="LogSourceOptions.Progress"/>: told of a scan a few times a second on a timer's thread,
/// and last with the whole input read. What the caller's reporter throws there reaches the caller,
/// from the query, instead of ending the process.
/// </summary>
public sealed class ScanProgressTests
{
    private static readonly string AccessLog = Path.Combine(TestPaths.Data, "access-log");

    /// <summary>Holds up the scan until the timer has reported, so the scan outlasts a tick whatever the machine's load.</summary>
    private static bool After(ManualResetEventSlim reported, LogRecord record) =>
        reported.Wait(TimeSpan.FromSeconds(30)) && record.Status != 0;

    [Fact]
    public void The_last_report_is_the_whole_file()
    {
        var reports = new Reports(_ => { });

        long count = LogSource.Open(AccessLog, new LogSourceOptions { Progress = reports }).LongCount();

        count.Should().Be(7298);
        reports.All.Should().NotBeEmpty();
        reports.All.Last().Should().Be(new ScanProgress(new FileInfo(AccessLog).Length, new FileInfo(AccessLog).Length));
    }

    [Fact]
    public void A_report_that_throws_on_the_timers_thread_is_thrown_from_the_query()
    {
        int caller = Environment.CurrentManagedThreadId;
        using var reported = new ManualResetEventSlim();
        var reports = new Reports(_ =>
        {
            if (Environment.CurrentManagedThreadId != caller)
            {
                reported.Set();
                throw new InvalidOperationException("the progress bar is gone");
            }
        });
        var options = new LogSourceOptions { Progress = reports, MaxDegreeOfParallelism = 1 };

        // An aggregate: the parallel scan, the one that reports progress.
        Action query = () => LogSource.Open(AccessLog, options).Where(r => After(reported, r)).LongCount();

        query.Should().Throw<InvalidOperationException>().WithMessage("the progress bar is gone");
        reports.Threads.Should().OnlyContain(id => id != caller, "the timer reported, and the last report was not made after its failure");
        reports.All.Should().HaveCount(1, "reporting stopped at the first failure");
    }

    /// <summary>A reporter that keeps what it is told and from which threads, then does <c>then</c>.</summary>
    private sealed class Reports(Action<ScanProgress> then) : IProgress<ScanProgress>
    {
        private readonly ConcurrentQueue<ScanProgress> _all = new();

        public ConcurrentBag<int> Threads { get; } = [];

        public IReadOnlyList<ScanProgress> All => [.. _all];

        public void Report(ScanProgress value)
        {
            _all.Enqueue(value);
            Threads.Add(Environment.CurrentManagedThreadId);
            then(value);
        }
    }
}

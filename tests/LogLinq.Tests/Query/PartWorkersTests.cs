using System.Collections.Concurrent;
using LogLinq.Query.Execution;

namespace LogLinq.Tests.Query;

/// <summary>The workers of a parallel scan: every part once, the first failure as itself.</summary>
public sealed class PartWorkersTests
{
    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(17, 1)]
    [InlineData(17, 2)]
    [InlineData(40, 4)]
    [InlineData(3, 8)]
    public void Every_part_is_scanned_once(int parts, int workers)
    {
        var scanned = new ConcurrentBag<int>();
        var threads = new ConcurrentDictionary<int, bool>();

        PartWorkers.Run(parts, workers, part =>
        {
            threads[Environment.CurrentManagedThreadId] = true;
            Thread.Sleep(1);
            scanned.Add(part);
        }, CancellationToken.None);

        scanned.Order().Should().Equal(Enumerable.Range(0, parts));
        threads.Count.Should().BeLessThanOrEqualTo(Math.Max(1, workers));
    }

    [Fact]
    public void One_worker_takes_the_parts_in_order_on_the_calling_thread()
    {
        var order = new List<int>();
        int caller = Environment.CurrentManagedThreadId;

        PartWorkers.Run(10, 1, part =>
        {
            Environment.CurrentManagedThreadId.Should().Be(caller);
            order.Add(part);
        }, CancellationToken.None);

        order.Should().Equal(Enumerable.Range(0, 10));
    }

    [Fact]
    public void A_failing_part_stops_the_run_and_its_exception_is_thrown_as_itself()
    {
        var scanned = new ConcurrentBag<int>();

        Action run = () => PartWorkers.Run(100, 2, part =>
        {
            if (part == 5)
            {
                throw new InvalidDataException("part 5 is damaged");
            }

            Thread.Sleep(1);
            scanned.Add(part);
        }, CancellationToken.None);

        run.Should().Throw<InvalidDataException>().WithMessage("part 5 is damaged");

        // The other worker finishes the part it has, and takes no more: far from all the parts, even
        // where the host holds up the failing worker for a while between taking part 5 and throwing
        // (the bound was 10, which a pause of a few milliseconds could break).
        scanned.Should().HaveCountLessThan(50);
    }

    [Fact]
    public void A_failure_on_a_helper_thread_is_thrown_on_the_calling_thread()
    {
        int caller = Environment.CurrentManagedThreadId;
        int failedOn = 0;
        using var helperFailed = new ManualResetEventSlim();

        Action run = () => PartWorkers.Run(2, 2, part =>
        {
            if (Environment.CurrentManagedThreadId == caller)
            {
                // The caller holds its part until a helper has failed on the other, so the failure
                // cannot be the caller's own.
                helperFailed.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue("a helper thread takes the other part");
                return;
            }

            failedOn = Environment.CurrentManagedThreadId;
            helperFailed.Set();
            throw new InvalidDataException($"part {part} failed on a helper");
        }, CancellationToken.None);

        run.Should().Throw<InvalidDataException>().WithMessage("part * failed on a helper");
        failedOn.Should().NotBe(0).And.NotBe(caller);
    }

    [Fact]
    public void A_cancelled_run_throws_the_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        int scanned = 0;

        Action run = () => PartWorkers.Run(100, 2, part =>
        {
            if (Interlocked.Increment(ref scanned) == 3)
            {
                cancel.Cancel();
            }
        }, cancel.Token);

        run.Should().Throw<OperationCanceledException>();
        scanned.Should().BeLessThan(10);
    }
}

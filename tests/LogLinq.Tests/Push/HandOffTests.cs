using LogLinq.Push;

namespace LogLinq.Tests.Push;

/// <summary>The threaded hand-off: another thread, bounded memory, and errors and cancellation carried across.</summary>
public sealed class HandOffTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void The_target_runs_on_another_thread_and_is_done_when_completion_returns()
    {
        var target = new RecordingSink<int>();

        Enumerable.Range(1, 10_000).PushTo(Sink.HandOff(target, capacity: 16));

        // No waiting: completing the hand-off waited for the target.
        target.Items.Should().Equal(Enumerable.Range(1, 10_000));
        target.ShouldHaveCompletedOnce();
        target.Threads.Should().NotContain(Environment.CurrentManagedThreadId);
    }

    [Fact]
    public async Task A_slow_consumer_holds_the_producer_back_so_memory_stays_bounded()
    {
        const int Capacity = 4;
        using var gate = new ManualResetEventSlim();
        int produced = 0;
        int consumed = 0;
        int largestLead = 0;
        ISink<int> slow = Sink.Create<int>(_ =>
        {
            gate.Wait();
            int done = Interlocked.Increment(ref consumed);
            InterlockedMax(ref largestLead, Volatile.Read(ref produced) - done);
        });

        Task producer = Task.Run(() => Enumerable.Range(1, 200).Select(n =>
        {
            Volatile.Write(ref produced, n);
            return n;
        }).PushTo(Sink.HandOff(slow, Capacity)));
        await Task.Delay(300);

        // One item in the consumer's hands, a full channel, and one the producer is blocked pushing.
        producer.IsCompleted.Should().BeFalse("the producer waits for room");
        Volatile.Read(ref produced).Should().BeLessThanOrEqualTo(Capacity + 2);

        gate.Set();
        await producer.WaitAsync(Timeout);
        consumed.Should().Be(200);
        largestLead.Should().BeLessThanOrEqualTo(Capacity + 2);
    }

    [Fact]
    public void An_error_of_the_target_comes_back_to_the_producer_and_every_sink_hears_of_it_once()
    {
        var target = new RecordingSink<int>(throwOn: n => n == 50);
        var sibling = new RecordingSink<int>();
        int produced = 0;

        Action push = () => Enumerable.Range(1, 100_000).Select(n => produced = n)
            .PushTo(Sink.Broadcast(Sink.HandOff(target, capacity: 8), sibling));

        Exception error = push.Should().Throw<InvalidOperationException>().WithMessage("sink refused 50").Which;
        target.Items.Should().Equal(Enumerable.Range(1, 49));
        target.ShouldHaveFailedOnceWith(error);
        sibling.ShouldHaveFailedOnceWith(error);
        produced.Should().BeLessThan(100_000, "the producer stops once the target failed");
    }

    [Fact]
    public void An_error_of_the_input_reaches_the_target_after_the_items_before_it()
    {
        var target = new RecordingSink<int>();
        var error = new IOException("read failed");

        Action push = () => SinkTests.Fails(error).PushTo(Sink.HandOff(target, capacity: 8));

        push.Should().Throw<IOException>().Which.Should().BeSameAs(error);
        target.Items.Should().Equal(1, 2);
        target.ShouldHaveFailedOnceWith(error);
    }

    [Fact]
    public async Task Cancelling_stops_a_producer_blocked_for_room_and_fails_the_target_once()
    {
        using var gate = new ManualResetEventSlim();
        using var cancel = new CancellationTokenSource();
        var target = new RecordingSink<int>();
        ISink<int> slow = Sink.Of<int>().Select(n =>
        {
            gate.Wait();
            return n;
        }).To(target);

        Task producer = Task.Run(() => Enumerable.Range(1, 1000).PushTo(Sink.HandOff(slow, capacity: 2, cancel.Token)));
        await Task.Delay(200);
        producer.IsCompleted.Should().BeFalse();
        cancel.Cancel();
        gate.Set(); // the item the consumer holds finishes; nothing after it is delivered

        Func<Task> wait = () => producer.WaitAsync(Timeout);
        await wait.Should().ThrowAsync<OperationCanceledException>();
        target.Items.Should().HaveCountLessThan(5);
        target.Completions.Should().Be(0);
        target.Failures.Should().ContainSingle().Which.Should().BeAssignableTo<OperationCanceledException>();
    }

    [Fact]
    public void A_flow_hands_off_the_rest_of_the_chain()
    {
        var target = new RecordingSink<string>();

        Enumerable.Range(1, 100).PushTo(Sink.Of<int>().Where(n => n % 10 == 0).HandOff(4).Select(n => $"{n}").To(target));

        target.Items.Should().Equal("10", "20", "30", "40", "50", "60", "70", "80", "90", "100");
        target.ShouldHaveCompletedOnce();
        target.Threads.Should().NotContain(Environment.CurrentManagedThreadId);
    }

    private static void InterlockedMax(ref int location, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref location)) && Interlocked.CompareExchange(ref location, value, current) != current)
        {
        }
    }
}

using LogLinq.Push;

namespace LogLinq.Tests.Push;

/// <summary>Pull into push (<see cref="Sink.PushTo"/>) and push into pull (<see cref="ChannelSink{T}"/>).</summary>
public sealed class BridgeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_sink_chain_is_read_as_a_sequence_on_another_thread()
    {
        var output = new ChannelSink<string>(capacity: 8);
        ISink<int> chain = Sink.Of<int>().Where(n => n % 3 == 0).Select(n => $"{n}").To(output);

        Task producer = Task.Run(() => Enumerable.Range(1, 3000).PushTo(chain));
        List<string> read = [.. output];

        read.Should().Equal(Enumerable.Range(1, 1000).Select(n => $"{n * 3}"));
        await producer.WaitAsync(Timeout);
    }

    [Fact]
    public async Task A_failure_pushed_in_is_thrown_to_the_reader_after_the_items_before_it()
    {
        var output = new ChannelSink<int>(capacity: 8);
        var error = new IOException("read failed");
        Task producer = Task.Run(() => SinkTests.Fails(error).PushTo(output));
        var read = new List<int>();

        Action reading = () =>
        {
            foreach (int n in output)
            {
                read.Add(n);
            }
        };

        reading.Should().Throw<IOException>().Which.Should().BeSameAs(error);
        read.Should().Equal(1, 2);
        Func<Task> wait = () => producer.WaitAsync(Timeout);
        await wait.Should().ThrowAsync<IOException>();
    }

    [Fact]
    public async Task A_reader_that_stops_early_releases_a_producer_blocked_for_room()
    {
        var output = new ChannelSink<int>(capacity: 2);
        int produced = 0;
        Task producer = Task.Run(() => Enumerable.Range(1, 1_000_000).Select(n => produced = n).PushTo(output));

        output.Take(3).Should().Equal(1, 2, 3);

        // The producer must not wait forever for a reader that left.
        await producer.WaitAsync(Timeout);
        produced.Should().BeLessThan(10);
        output.IsEnded.Should().BeTrue();
    }

    [Fact]
    public async Task A_sink_chain_is_read_asynchronously()
    {
        var output = new ChannelSink<int>(capacity: 4);
        Task producer = Task.Run(() => Enumerable.Range(1, 100).PushTo(output));
        var read = new List<int>();

        await foreach (int n in output.ReadAllAsync())
        {
            read.Add(n);
        }

        read.Should().Equal(Enumerable.Range(1, 100));
        await producer.WaitAsync(Timeout);
    }

    [Fact]
    public void A_channel_sink_is_read_once()
    {
        var output = new ChannelSink<int>(capacity: 4);
        using IEnumerator<int> first = output.GetEnumerator();

        Action second = () => output.GetEnumerator();

        second.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Cancelling_a_push_fails_the_sink_once_and_throws()
    {
        using var cancel = new CancellationTokenSource();
        var sink = new RecordingSink<int>();

        Action push = () => Enumerable.Range(1, 100).Select(n =>
        {
            if (n == 10)
            {
                cancel.Cancel();
            }

            return n;
        }).PushTo(sink, cancel.Token);

        Exception error = push.Should().Throw<OperationCanceledException>().Which;
        sink.Items.Should().Equal(Enumerable.Range(1, 9));
        sink.ShouldHaveFailedOnceWith(error);
    }

    [Fact]
    public async Task An_asynchronous_sequence_drives_a_sink()
    {
        var sink = new RecordingSink<int>();

        await Numbers().PushToAsync(sink);

        sink.Items.Should().Equal(1, 2, 3);
        sink.ShouldHaveCompletedOnce();

        static async IAsyncEnumerable<int> Numbers()
        {
            for (int i = 1; i <= 3; i++)
            {
                await Task.Yield();
                yield return i;
            }
        }
    }
}

using LogLinq.Pipeline;
using LogLinq.Push;
using LogLinq.Records;

namespace LogLinq.Tests.Push;

/// <summary>One stream fanned out: every sink sees the same items, and its end, exactly once.</summary>
public sealed class BroadcastTests
{
    [Fact]
    public void Three_sinks_get_identical_streams_and_one_completion_each()
    {
        RecordingSink<string>[] sinks = [new(), new(), new()];
        string log = Path.Combine(TestPaths.Data, "access-log");

        LogPipeline.Find(log).Open().Cat().Parse()
            .PushTo(Sink.Of<LogRecord>().Select(r => r.ToString()).To(Sink.Broadcast<string>(sinks)));

        string[] expected = [.. LogPipeline.Find(log).Open().Cat().Parse().Select(r => r.ToString())];
        expected.Should().HaveCount(7298);
        foreach (RecordingSink<string> sink in sinks)
        {
            sink.Items.Should().Equal(expected);
            sink.ShouldHaveCompletedOnce();
        }
    }

    [Fact]
    public void An_error_of_the_input_reaches_every_sink_once()
    {
        RecordingSink<int>[] sinks = [new(), new(), new()];
        var error = new IOException("read failed");

        Action push = () => SinkTests.Fails(error).PushTo(Sink.Broadcast<int>(sinks));

        push.Should().Throw<IOException>();
        foreach (RecordingSink<int> sink in sinks)
        {
            sink.Items.Should().Equal(1, 2);
            sink.ShouldHaveFailedOnceWith(error);
        }
    }

    [Fact]
    public void A_sink_that_throws_fails_every_sink_once_itself_included()
    {
        var before = new RecordingSink<int>();
        var thrower = new RecordingSink<int>(throwOn: n => n == 3);
        var after = new RecordingSink<int>();

        Action push = () => Enumerable.Range(1, 10).PushTo(Sink.Broadcast(before, thrower, after));

        Exception error = push.Should().Throw<InvalidOperationException>().Which;
        before.Items.Should().Equal(1, 2, 3);
        after.Items.Should().Equal(1, 2);
        foreach (RecordingSink<int> sink in new[] { before, thrower, after })
        {
            sink.ShouldHaveFailedOnceWith(error);
        }
    }

    [Fact]
    public void A_sink_that_wants_no_more_is_skipped_and_the_producer_stops_when_none_wants_more()
    {
        var two = new RecordingSink<int>(wantedItems: 2);
        var five = new RecordingSink<int>(wantedItems: 5);
        int produced = 0;

        Enumerable.Range(1, 100).Select(n => produced = n).PushTo(Sink.Broadcast(two, five));

        two.Items.Should().Equal(1, 2);
        five.Items.Should().Equal(1, 2, 3, 4, 5);
        produced.Should().Be(5);
        two.ShouldHaveCompletedOnce();
        five.ShouldHaveCompletedOnce();
    }

    [Fact]
    public void A_sink_that_fails_to_complete_does_not_keep_the_others_from_completing()
    {
        var first = new RecordingSink<int>();
        ISink<int> failing = Sink.Create<int>(_ => { }, onComplete: () => throw new IOException("flush failed"));
        var last = new RecordingSink<int>();

        Action push = () => new[] { 1 }.PushTo(Sink.Broadcast(first, failing, last));

        push.Should().Throw<IOException>().WithMessage("flush failed");
        first.ShouldHaveCompletedOnce();
        last.ShouldHaveCompletedOnce();
    }
}

namespace LogLinq.Push;

/// <summary>
/// Hands items to another thread, which pushes them into the target sink: the producer goes on
/// reading while the target works, up to <c>capacity</c> items ahead, then waits (back-pressure).
/// It is the two bridges back to back: a <see cref="ChannelSink{T}"/> that a thread of its own reads
/// and pushes on with <see cref="Sink.PushTo"/>.
/// </summary>
/// <remarks>
/// <see cref="Sink{T}.Complete"/> returns once the target has had every item and been completed, so
/// the target's result is ready when the producer is done. An error of the target, on its thread,
/// comes back to the producer: the next push, or the completion, throws it.
/// </remarks>
internal sealed class HandOffSink<T> : Sink<T>
{
    private readonly ChannelSink<T> _queue;
    private readonly Task _consumer;

    public HandOffSink(ISink<T> target, int capacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        _queue = new ChannelSink<T>(capacity, cancellationToken);

        // Not cancelled before it starts: the target must be told of the end whatever happens.
        _consumer = Task.Factory.StartNew(
            () => _queue.PushTo(target),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    protected override bool OnPush(T item)
    {
        if (_queue.Push(item))
        {
            return true;
        }

        // The consumer stopped reading: its target failed (throw that here) or wants no more.
        _consumer.GetAwaiter().GetResult();
        return false;
    }

    protected override void OnComplete()
    {
        _queue.Complete();
        _consumer.GetAwaiter().GetResult();
    }

    protected override void OnFail(Exception error)
    {
        _queue.Fail(error);
        try
        {
            _consumer.Wait();
        }
        catch (AggregateException)
        {
            // The consumer ends by failing the target, with this error or one of its own from before;
            // either way the target has been told, and the producer's error is the one to report.
        }
    }
}

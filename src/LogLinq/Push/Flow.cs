namespace LogLinq.Push;

/// <summary>
/// A chain of sinks still missing its end: items of <typeparamref name="TIn"/> go in, items of
/// <typeparamref name="TOut"/> come out into whatever sink <see cref="To(ISink{TOut})"/> attaches. Read
/// left to right, as a LINQ query is, though each stage is built around the next one:
/// <c>Sink.Of&lt;LogRecord&gt;().Where(r =&gt; r.Status == 404).Select(r =&gt; r.Path).To(Sink.Print&lt;string&gt;(Console.Out))</c>.
/// </summary>
/// <remarks>
/// A flow is a recipe, immutable and reusable: each <see cref="To(ISink{TOut})"/> builds new sinks,
/// with state (a <see cref="Take"/>'s count) of their own.
/// </remarks>
/// <typeparam name="TIn">The items the finished chain takes.</typeparam>
/// <typeparam name="TOut">The items the chain so far gives.</typeparam>
public sealed class Flow<TIn, TOut>
{
    private readonly Func<ISink<TOut>, ISink<TIn>> _attach;

    internal Flow(Func<ISink<TOut>, ISink<TIn>> attach) => _attach = attach;

    /// <summary>Passes on the items that satisfy <paramref name="predicate"/>.</summary>
    public Flow<TIn, TOut> Where(Func<TOut, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Then<TOut>(next => new WhereSink<TOut>(next, predicate));
    }

    /// <summary>Passes on each item transformed by <paramref name="selector"/>.</summary>
    public Flow<TIn, TNext> Select<TNext>(Func<TOut, TNext> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Then<TNext>(next => new SelectSink<TOut, TNext>(next, selector));
    }

    /// <summary>
    /// Passes on the first <paramref name="count"/> items, then completes what follows at once and
    /// asks the producer for no more.
    /// </summary>
    public Flow<TIn, TOut> Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Then<TOut>(next => new TakeSink<TOut>(next, count));
    }

    /// <summary>
    /// Runs the rest of the chain on a thread of its own, fed through a bounded channel: the producer
    /// runs up to <paramref name="capacity"/> items ahead of it, then waits.
    /// </summary>
    /// <inheritdoc cref="Sink.HandOff" path="/remarks"/>
    /// <param name="capacity">How many items may wait for the other thread; at least 1.</param>
    /// <param name="cancellationToken">Stops a producer waiting for room, and the other thread, with <see cref="OperationCanceledException"/>.</param>
    public Flow<TIn, TOut> HandOff(int capacity, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return Then<TOut>(next => new HandOffSink<TOut>(next, capacity, cancellationToken));
    }

    /// <summary>Ends the chain in <paramref name="sink"/>.</summary>
    /// <returns>The sink to push items into: the head of the chain.</returns>
    public ISink<TIn> To(ISink<TOut> sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return _attach(sink);
    }

    /// <summary>Ends the chain in all of <paramref name="sinks"/>, each given every item: <see cref="Sink.Broadcast"/>.</summary>
    /// <returns>The sink to push items into: the head of the chain.</returns>
    public ISink<TIn> To(params ISink<TOut>[] sinks) => To(Sink.Broadcast(sinks));

    /// <summary>This flow followed by one more stage, built around the sink that will follow it.</summary>
    internal Flow<TIn, TNext> Then<TNext>(Func<ISink<TNext>, ISink<TOut>> stage) => new(next => _attach(stage(next)));
}

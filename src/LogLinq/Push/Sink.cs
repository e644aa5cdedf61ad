using System.Text.RegularExpressions;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Push;

/// <summary>
/// The push side of the pipeline: where the pull side (<c>LogPipeline</c>, LINQ) has a consumer ask
/// for each item, here the source pushes each item into a chain of sinks, which can fan out
/// (<see cref="Broadcast"/>) so that one read of the input answers several questions, and hand off to
/// other threads (<see cref="HandOff"/>). Chains are built with <see cref="Of{T}"/> and
/// <see cref="Flow{TIn, TOut}"/>; <see cref="PushTo"/> drives a chain from any sequence, and
/// <see cref="ChannelSink{T}"/> reads one as a sequence.
/// </summary>
/// <example>
/// <code>
/// var notFound = Sink.Count&lt;LogRecord&gt;();
/// var bytes = Sink.Aggregate&lt;LogRecord, long&gt;(0, (sum, r) =&gt; sum + r.Bytes);
/// LogSource.Follow("/var/log/nginx/access.log", new() { Until = stop })
///     .PushTo(Sink.Broadcast(
///         Sink.Of&lt;LogRecord&gt;().Where(r =&gt; r.Status == 404).To(notFound),
///         bytes,
///         Sink.Of&lt;LogRecord&gt;().Where(r =&gt; r.Bytes &gt; 1_000_000).To(Sink.Print&lt;LogRecord&gt;(Console.Out, flushEachItem: true))));
/// Console.WriteLine($"{notFound.Value} not found, {bytes.Value} bytes");
/// </code>
/// </example>
public static class Sink
{
    /// <summary>The start of a chain: a flow that passes items of <typeparamref name="T"/> on unchanged.</summary>
    public static Flow<T, T> Of<T>() => new(static next => next);

    /// <summary>A sink made of delegates.</summary>
    /// <param name="onPush">Called with each item.</param>
    /// <param name="onComplete">Called once when the input completes.</param>
    /// <param name="onFail">Called once when the input fails.</param>
    public static ISink<T> Create<T>(Action<T> onPush, Action? onComplete = null, Action<Exception>? onFail = null)
    {
        ArgumentNullException.ThrowIfNull(onPush);
        return new DelegateSink<T>(onPush, onComplete, onFail);
    }

    /// <summary>Writes each item's text on a line of its own; flushes when the input ends, failed or not.</summary>
    /// <param name="writer">Where to write; not closed.</param>
    /// <param name="flushEachItem">Flush after every item, for output watched as it happens (a followed log).</param>
    public static ISink<T> Print<T>(TextWriter writer, bool flushEachItem = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return new PrintSink<T>(writer, flushEachItem);
    }

    /// <summary>Counts the items.</summary>
    public static AggregateSink<T, long> Count<T>() => new(0L, static (count, _) => count + 1);

    /// <summary>Keeps the items in a list (items that are borrowed, like a <see cref="LogLine"/> from a reader, must be copied first).</summary>
    public static AggregateSink<T, List<T>> ToList<T>() => new([], static (list, item) =>
    {
        list.Add(item);
        return list;
    });

    /// <summary>Folds the items into one value, starting from <paramref name="seed"/>.</summary>
    public static AggregateSink<T, TAccumulate> Aggregate<T, TAccumulate>(TAccumulate seed, Func<TAccumulate, T, TAccumulate> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        return new AggregateSink<T, TAccumulate>(seed, func);
    }

    /// <summary>
    /// Fans one stream out to <paramref name="sinks"/>: each gets every item, in order, and is told
    /// of the end exactly once. A sink that wants no more is skipped from then on; the broadcast wants
    /// no more when none of them does. A sink that throws fails them all.
    /// </summary>
    public static ISink<T> Broadcast<T>(params ISink<T>[] sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        foreach (ISink<T> sink in sinks)
        {
            ArgumentNullException.ThrowIfNull(sink, nameof(sinks));
        }

        return new BroadcastSink<T>([.. sinks]);
    }

    /// <summary>
    /// Pushes into <paramref name="target"/> on a thread of its own, fed through a bounded channel:
    /// the producer runs up to <paramref name="capacity"/> items ahead, then waits (back-pressure).
    /// </summary>
    /// <remarks>
    /// Completing the hand-off waits until the target has had every item and has been completed, so
    /// its result is ready when the producer is done. An error of the target comes back to the
    /// producer, from its next push or its completion. A hand-off must be completed or failed, or its
    /// thread waits for items forever.
    /// </remarks>
    /// <param name="target">The sink that runs on the other thread.</param>
    /// <param name="capacity">How many items may wait for the other thread; at least 1.</param>
    /// <param name="cancellationToken">Stops a producer waiting for room, and the other thread, with <see cref="OperationCanceledException"/>.</param>
    public static ISink<T> HandOff<T>(ISink<T> target, int capacity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return new HandOffSink<T>(target, capacity, cancellationToken);
    }

    /// <summary>Passes on the lines that <paramref name="pattern"/> matches, tested on the raw line without making a string of it.</summary>
    public static Flow<TIn, LogLine> Grep<TIn>(this Flow<TIn, LogLine> flow, Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(pattern);
        return flow.Then<LogLine>(next => new GrepSink(next, pattern));
    }

    /// <summary>Passes on the strings that <paramref name="pattern"/> matches.</summary>
    public static Flow<TIn, string> Grep<TIn>(this Flow<TIn, string> flow, Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(pattern);
        return flow.Where(pattern.IsMatch);
    }

    /// <summary>
    /// Drives <paramref name="sink"/> from <paramref name="source"/>: pushes every item, then completes
    /// it. Stops reading early when the sink wants no more items (and still completes it). If reading
    /// or pushing throws, the sink is failed with the error, which is then thrown on.
    /// </summary>
    /// <param name="source">The items; enumerated once.</param>
    /// <param name="sink">Where they go.</param>
    /// <param name="cancellationToken">Checked before each item: cancelling fails the sink with <see cref="OperationCanceledException"/>, then throws it.</param>
    public static void PushTo<T>(this IEnumerable<T> source, ISink<T> sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sink);
        try
        {
            foreach (T item in Borrowed(source, sink) ?? source)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!sink.Push(item))
                {
                    break;
                }
            }
        }
        catch (Exception e)
        {
            sink.Fail(e);
            throw;
        }

        sink.Complete();
    }

    /// <summary>
    /// A log query's records as views rebound to each line, when <paramref name="sink"/> is done with
    /// each record as it is pushed and the query streams them; otherwise null.
    /// </summary>
    private static IEnumerable<T>? Borrowed<T>(IEnumerable<T> source, ISink<T> sink) =>
        sink is ITransientItemSink && source is LogQuery<LogRecord> { Provider: LogQueryProvider provider } query
            ? (IEnumerable<T>?)provider.ExecuteBorrowed(query.Expression)
            : null;

    /// <summary>Drives <paramref name="sink"/> from an asynchronous <paramref name="source"/>, as <see cref="PushTo"/> does.</summary>
    /// <param name="source">The items; enumerated once, with <paramref name="cancellationToken"/>.</param>
    /// <param name="sink">Where they go.</param>
    /// <param name="cancellationToken">Passed to the source and checked before each item: cancelling fails the sink, then throws.</param>
    public static async Task PushToAsync<T>(this IAsyncEnumerable<T> source, ISink<T> sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sink);
        try
        {
            await foreach (T item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!sink.Push(item))
                {
                    break;
                }
            }
        }
        catch (Exception e)
        {
            sink.Fail(e);
            throw;
        }

        sink.Complete();
    }
}

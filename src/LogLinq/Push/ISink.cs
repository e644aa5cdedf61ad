namespace LogLinq.Push;

/// <summary>
/// The consumer of the push side, the mirror image of <see cref="IEnumerator{T}"/>: where a pull
/// pipeline's consumer asks for the next item, a sink is given it. A producer calls
/// <see cref="Push"/> for each item, one call at a time, then exactly one of <see cref="Complete"/> or
/// <see cref="Fail"/>.
/// </summary>
/// <remarks>
/// <para>
/// Not <see cref="IObserver{T}"/>, though the shape is the same (<c>OnNext</c>, <c>OnCompleted</c>,
/// <c>OnError</c>), because an observer cannot say "enough": <see cref="Push"/> returns false when the
/// sink wants no more items, and the producer then stops reading its input, as a pull pipeline stops
/// when its consumer stops asking. That is what lets <c>Take</c>, or a query whose answer is known,
/// end a scan early, and what lets a reader that went away stop a producer instead of deadlocking it.
/// </para>
/// <para>
/// Items may be borrowed: a <see cref="Records.LogLine"/> pushed from <c>LogPipeline.Cat</c> is valid
/// only during the call, so a sink that keeps one keeps a <see cref="Records.LogLine.Copy"/>.
/// </para>
/// </remarks>
/// <typeparam name="T">The items pushed.</typeparam>
public interface ISink<in T>
{
    /// <summary>Gives the sink the next item.</summary>
    /// <returns>False when the sink wants no more items: the producer should stop, then call <see cref="Complete"/>.</returns>
    bool Push(T item);

    /// <summary>Tells the sink there are no more items: it flushes what it holds and produces its result.</summary>
    void Complete();

    /// <summary>Tells the sink the input failed with <paramref name="error"/>: no more items will come.</summary>
    void Fail(Exception error);
}

namespace LogLinq.Push;

/// <summary>
/// A sink that passes items on to the next one (filtering, mapping): the links of a chain. It passes
/// on the end exactly once, even to a next sink that does not keep the protocol itself, and may end
/// the next sink early (<see cref="EndNext"/>) when it knows no more items will pass.
/// </summary>
internal abstract class Stage<TIn, TOut>(ISink<TOut> next) : Sink<TIn>
{
    private bool _nextEnded;

    /// <summary>The sink items are passed to.</summary>
    protected ISink<TOut> Next { get; } = next ?? throw new ArgumentNullException(nameof(next));

    /// <summary>Completes the next sink now, before the input ends.</summary>
    protected void EndNext()
    {
        if (!_nextEnded)
        {
            _nextEnded = true;
            Next.Complete();
        }
    }

    /// <inheritdoc/>
    protected override void OnComplete() => EndNext();

    /// <inheritdoc/>
    protected override void OnFail(Exception error)
    {
        if (!_nextEnded)
        {
            _nextEnded = true;
            Next.Fail(error);
        }
    }
}

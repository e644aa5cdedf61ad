namespace LogLinq.Push;

/// <summary>
/// A base for sinks that keeps the protocol for them: after the first <see cref="Complete"/> or
/// <see cref="Fail"/> the sink is ended, later calls to either do nothing, and <see cref="Push"/>
/// returns false without passing the item on. So a sink is told of its end exactly once, however
/// many paths (a broadcast, a failing hand-off, a producer that was stopped) lead to it.
/// </summary>
/// <typeparam name="T">The items pushed.</typeparam>
public abstract class Sink<T> : ISink<T>
{
    private int _ended;

    /// <summary>Whether <see cref="Complete"/> or <see cref="Fail"/> has been called.</summary>
    public bool IsEnded => Volatile.Read(ref _ended) != 0;

    /// <inheritdoc/>
    public bool Push(T item) => !IsEnded && OnPush(item);

    /// <inheritdoc/>
    public void Complete()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            OnComplete();
        }
    }

    /// <inheritdoc/>
    public void Fail(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            OnFail(error);
        }
    }

    /// <summary>Handles the next item, while the sink is not ended.</summary>
    /// <returns>False to ask for no more items.</returns>
    protected abstract bool OnPush(T item);

    /// <summary>Handles the end of the input; called once, and not after <see cref="OnFail"/>.</summary>
    protected virtual void OnComplete()
    {
    }

    /// <summary>Handles a failure of the input; called once, and not after <see cref="OnComplete"/>.</summary>
    protected virtual void OnFail(Exception error)
    {
    }
}

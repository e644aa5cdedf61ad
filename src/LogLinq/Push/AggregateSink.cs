namespace LogLinq.Push;

/// <summary>
/// Folds the items into one value, as <see cref="Enumerable.Aggregate{TSource, TAccumulate}(IEnumerable{TSource}, TAccumulate, Func{TAccumulate, TSource, TAccumulate})"/>
/// does on the pull side: the end of a chain that answers a question (how many, which ones).
/// </summary>
/// <typeparam name="T">The items pushed.</typeparam>
/// <typeparam name="TAccumulate">The value folded.</typeparam>
public sealed class AggregateSink<T, TAccumulate> : Sink<T>
{
    private readonly Func<TAccumulate, T, TAccumulate> _func;
    private readonly TaskCompletionSource<TAccumulate> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal AggregateSink(TAccumulate seed, Func<TAccumulate, T, TAccumulate> func)
    {
        Value = seed;
        _func = func;
    }

    /// <summary>The value folded so far; final once the input has ended. Read it on the thread that pushes, or after <see cref="Result"/>.</summary>
    public TAccumulate Value { get; private set; }

    /// <summary>The final value: completed when the input completes, faulted with its error when it fails.</summary>
    public Task<TAccumulate> Result => _result.Task;

    /// <inheritdoc/>
    protected override bool OnPush(T item)
    {
        Value = _func(Value, item);
        return true;
    }

    /// <inheritdoc/>
    protected override void OnComplete() => _result.SetResult(Value);

    /// <inheritdoc/>
    protected override void OnFail(Exception error) => _result.SetException(error);
}

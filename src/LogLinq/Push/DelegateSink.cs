namespace LogLinq.Push;

/// <summary>A sink made of delegates, for consumers too small to deserve a class.</summary>
internal sealed class DelegateSink<T>(Action<T> onPush, Action? onComplete, Action<Exception>? onFail) : Sink<T>
{
    protected override bool OnPush(T item)
    {
        onPush(item);
        return true;
    }

    protected override void OnComplete() => onComplete?.Invoke();

    protected override void OnFail(Exception error) => onFail?.Invoke(error);
}

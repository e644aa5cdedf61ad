namespace LogLinq.Push;

/// <summary>Passes on each item transformed.</summary>
internal sealed class SelectSink<TIn, TOut>(ISink<TOut> next, Func<TIn, TOut> selector) : Stage<TIn, TOut>(next)
{
    protected override bool OnPush(TIn item) => Next.Push(selector(item));
}

namespace LogLinq.Push;

/// <summary>Passes on the items that satisfy a predicate.</summary>
internal sealed class WhereSink<T>(ISink<T> next, Func<T, bool> predicate) : Stage<T, T>(next)
{
    protected override bool OnPush(T item) => !predicate(item) || Next.Push(item);
}

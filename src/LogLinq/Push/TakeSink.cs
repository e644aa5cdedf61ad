namespace LogLinq.Push;

/// <summary>
/// Passes on the first items, then completes the next sink at once and asks for no more: the push
/// side's way of stopping a scan early.
/// </summary>
internal sealed class TakeSink<T>(ISink<T> next, int count) : Stage<T, T>(next)
{
    private int _left = count;

    protected override bool OnPush(T item)
    {
        if (_left <= 0)
        {
            return false;
        }

        _left--;
        bool more = Next.Push(item);
        if (_left == 0)
        {
            // The next sink's answer is final now; it need not wait for the input to be stopped.
            EndNext();
            return false;
        }

        return more;
    }
}

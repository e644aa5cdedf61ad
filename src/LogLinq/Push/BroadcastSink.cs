using System.Runtime.ExceptionServices;

namespace LogLinq.Push;

/// <summary>
/// Fans one stream out to several sinks: each item is pushed to every sink in turn, so each sees the
/// same items in the same order. A sink that wants no more is left out of later items; the broadcast
/// wants no more when none of them does. The end reaches every sink, exactly once.
/// </summary>
internal sealed class BroadcastSink<T> : Sink<T>
{
    private readonly ISink<T>[] _sinks;
    private readonly bool[] _done;

    public BroadcastSink(ISink<T>[] sinks)
    {
        _sinks = sinks;
        _done = new bool[sinks.Length];
    }

    protected override bool OnPush(T item)
    {
        // A sink that throws fails the whole broadcast: the producer stops, and every sink, the one that
        // threw included, is told of the error by Fail. One stream, one fate.
        bool wanted = false;
        for (int i = 0; i < _sinks.Length; i++)
        {
            if (!_done[i])
            {
                _done[i] = !_sinks[i].Push(item);
                wanted |= !_done[i];
            }
        }

        return wanted;
    }

    protected override void OnComplete() => EndAll(static sink => sink.Complete());

    protected override void OnFail(Exception error) => EndAll(sink => sink.Fail(error));

    /// <summary>Ends every sink even when one of them throws, then throws the first error.</summary>
    private void EndAll(Action<ISink<T>> end)
    {
        ExceptionDispatchInfo? first = null;
        foreach (ISink<T> sink in _sinks)
        {
            try
            {
                end(sink);
            }
            catch (Exception e)
            {
                first ??= ExceptionDispatchInfo.Capture(e);
            }
        }

        first?.Throw();
    }
}

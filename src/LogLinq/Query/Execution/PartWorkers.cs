using System.Runtime.ExceptionServices;

namespace LogLinq.Query.Execution;

/// <summary>
/// Runs a scan's parts on a few workers, the calling thread one of them (the only one for a single
/// part: no thread pool is started for it): each worker takes the next part in order until none is
/// left. The partitioner puts the big parts first, so the workers end on small ones and finish close
/// together.
/// </summary>
// Not Parallel.For: it starts each worker on a range of indices of its own (one of them among the
// last, smallest parts), and its generic worker is compiled at every start (about 4 ms before the
// first part began, in Stopwatch traces).
internal sealed class PartWorkers
{
    private readonly int _parts;
    private readonly Action<int> _scan;
    private readonly CancellationToken _cancel;
    private readonly object _gate = new(); // a monitor: the caller waits on it for the helpers
    private int _next = -1;
    private int _helping;
    private bool _closed;
    private ExceptionDispatchInfo? _failure;

    private PartWorkers(int parts, Action<int> scan, CancellationToken cancel) => (_parts, _scan, _cancel) = (parts, scan, cancel);

    /// <summary>
    /// Calls <paramref name="scan"/> for each part index from 0 to <paramref name="parts"/> − 1 on
    /// up to <paramref name="workers"/> threads, and returns when all are done. The first failure
    /// (cancellation among them) stops the workers at their next part and is thrown here, as itself.
    /// </summary>
    public static void Run(int parts, int workers, Action<int> scan, CancellationToken cancel)
    {
        var run = new PartWorkers(parts, scan, cancel);
        for (int i = Math.Min(workers, parts) - 1; i > 0; i--)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static state => ((PartWorkers)state!).Help(), run);
        }

        run.Work();

        // A helper the pool has not started yet (its threads busy elsewhere) is not waited for:
        // there is nothing left for it, and it will find the run closed.
        lock (run._gate)
        {
            run._closed = true;
            while (run._helping > 0)
            {
                Monitor.Wait(run._gate);
            }
        }

        run._failure?.Throw();
    }

    private void Help()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _helping++;
        }

        Work();
        lock (_gate)
        {
            if (--_helping == 0)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    private void Work()
    {
        try
        {
            int part;
            while (Volatile.Read(ref _failure) is null && (part = Interlocked.Increment(ref _next)) < _parts)
            {
                _cancel.ThrowIfCancellationRequested();
                _scan(part);
            }
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
        }
    }
}

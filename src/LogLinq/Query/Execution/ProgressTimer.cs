using System.Runtime.ExceptionServices;

namespace LogLinq.Query.Execution;

/// <summary>
/// Reports a scan's progress at an interval, on a timer's thread. The caller's
/// <see cref="IProgress{T}"/> may throw, and an exception on the timer's thread would end the process:
/// the first one is kept instead, reporting stops, and <see cref="Stop"/> throws it on the scan's own
/// thread, where the caller can catch it.
/// </summary>
internal sealed class ProgressTimer : IDisposable
{
    private readonly IProgress<ScanProgress> _progress;
    private readonly Func<ScanProgress> _position;
    private readonly Timer _timer;
    private readonly object _gate = new(); // one report at a time, none after Stop
    private bool _stopped;
    private ExceptionDispatchInfo? _failure;

    /// <param name="progress">Told the position every <paramref name="interval"/>.</param>
    /// <param name="position">Where the scan is.</param>
    /// <param name="interval">How often.</param>
    public ProgressTimer(IProgress<ScanProgress> progress, Func<ScanProgress> position, TimeSpan interval)
    {
        (_progress, _position) = (progress, position);
        _timer = new Timer(static state => ((ProgressTimer)state!).Tick(), this, interval, interval);
    }

    /// <summary>
    /// Stops the reports, waiting for one under way, then tells the last position; throws what a
    /// report on the timer's thread threw, if one did.
    /// </summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
        }

        _timer.Dispose();
        _failure?.Throw();
        _progress.Report(_position());
    }

    /// <summary>Stops the reports without the last one (the scan failed).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
        }

        _timer.Dispose();
    }

    private void Tick()
    {
        // A report slower than the interval: this tick is skipped rather than queued behind it.
        if (!Monitor.TryEnter(_gate))
        {
            return;
        }

        try
        {
            if (!_stopped && _failure is null)
            {
                _progress.Report(_position());
            }
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }
}

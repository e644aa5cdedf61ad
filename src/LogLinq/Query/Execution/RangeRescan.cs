using LogLinq.Formats;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Query.Execution;

/// <summary>
/// A range of a header-led file scanned again for the parallel stream, with the header in force
/// where it starts, after its worker was found to have read it with another (a <c>#Fields:</c> or
/// CSV header that changed before it): on a thread of its own, into a queue as a worker's part is,
/// which the consumer takes instead of the dropped part's. The workers go on with the parts after
/// it meanwhile.
/// </summary>
internal sealed class RangeRescan<TResult> : IDisposable
{
    private readonly ScanQuery _query;
    private readonly ScanPart _range;
    private readonly HeaderLines? _inForce;
    private readonly Func<LogRecord, TResult> _select;
    private readonly ReadCounters _counters;
    private readonly Thread _thread;

    private RangeRescan(ScanQuery query, ScanPart range, HeaderLines? inForce, Func<LogRecord, TResult> select, ReadCounters counters, PartRows<TResult> rows)
    {
        (_query, _range, _inForce, _select, _counters, Rows) = (query, range, inForce, select, counters, rows);
        _thread = new Thread(Scan) { IsBackground = true, Name = "LogLinq range rescan" };
    }

    /// <summary>The range's rows, as the scan makes them.</summary>
    public PartRows<TResult> Rows { get; }

    /// <summary>Starts scanning <paramref name="range"/> again, its parser given <paramref name="inForce"/> (null: none) first.</summary>
    /// <param name="query">What every line goes through.</param>
    /// <param name="range">The range.</param>
    /// <param name="inForce">The header in force where the range starts.</param>
    /// <param name="select">Makes a row from a record that is valid only during the call.</param>
    /// <param name="chunksAhead">How many chunks the range's queue holds before the scan waits for the consumer.</param>
    /// <param name="counters">Where the bytes read are counted.</param>
    /// <param name="stop">Stops the whole stream.</param>
    public static RangeRescan<TResult> Start(
        ScanQuery query, ScanPart range, HeaderLines? inForce, Func<LogRecord, TResult> select, int chunksAhead, ReadCounters counters, CancellationToken stop)
    {
        var rescan = new RangeRescan<TResult>(query, range, inForce, select, counters, new PartRows<TResult>(chunksAhead, stop, droppable: false));
        rescan._thread.UnsafeStart();
        return rescan;
    }

    /// <summary>Waits for the scan to end (the consumer has taken its rows, or the stream was stopped).</summary>
    public void Join() => _thread.Join();

    /// <summary>Waits for the scan to end, and lets its queue go.</summary>
    public void Dispose()
    {
        Join();
        Rows.Dispose();
    }

    private void Scan()
    {
        var collector = new RowCollector<TResult>(Rows, _select);
        var scan = new FileScan(_query, _range.Path, _range.Format);
        long lines = 0;
        Exception? failure = null;
        try
        {
            lines = ParallelScanner.ScanAgain(scan, _range, _inForce, collector, _counters, Rows.Stop);
        }
        catch (Exception e)
        {
            failure = e; // the consumer throws it where it reaches the range, after its rows before it
        }

        try
        {
            Rows.End(collector, scan, lines, failure);
        }
        catch (OperationCanceledException)
        {
            // The stream was stopped while the last rows waited for room: no one takes them.
        }
    }
}

using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using LogLinq.Formats;

namespace LogLinq.Query.Execution;

/// <summary>
/// One part's rows for the parallel stream (<see cref="ParallelRecordStream"/>), in chunks in a short
/// queue of its own, and how its scan ended. A range of a header-led file may be dropped before the
/// consumer takes any of its rows, when it was read with a header not in force where it starts: its
/// worker stops at its next chunk, and nothing of its scan is kept (the range is scanned again).
/// </summary>
internal sealed class PartRows<TResult> : IDisposable
{
    private readonly CancellationToken _stop;
    private readonly CancellationTokenSource? _drop;
    private volatile bool _dropped;
    private (TResult[] Rows, int Count)? _first;

    /// <param name="chunksAhead">How many chunks the queue holds before the worker waits for the consumer.</param>
    /// <param name="stop">Stops the whole stream.</param>
    /// <param name="droppable">Whether the part may be dropped (<see cref="Drop"/>): a range that reads its file's head first.</param>
    public PartRows(int chunksAhead, CancellationToken stop, bool droppable)
    {
        Chunks = new BlockingCollection<(TResult[] Rows, int Count)>(chunksAhead);
        _stop = stop;

        // Only a range that may be dropped needs a stop of its own: a query over thousands of small
        // files would otherwise link thousands of them to the stream's.
        _drop = droppable ? CancellationTokenSource.CreateLinkedTokenSource(stop) : null;
    }

    /// <summary>The part's rows, a chunk (an array and how many of it are rows) at a time.</summary>
    public BlockingCollection<(TResult[] Rows, int Count)> Chunks { get; }

    /// <summary>What a wait of the part's worker for room in the queue ends on: the stream's stop, or the part's drop.</summary>
    public CancellationToken Stop => _drop?.Token ?? _stop;

    /// <summary>Whether the part was scanned to its end.</summary>
    public bool Done { get; private set; }

    /// <summary>Why the part's scan failed, when it did (not for a cancellation).</summary>
    public ExceptionDispatchInfo? Failure { get; private set; }

    /// <summary>The part's scan, with its counts, once it has ended (or been stopped); none when it was dropped or never started.</summary>
    public FileScan? Scan
    {
        // A scan that ended before the part was dropped read with the wrong header: its counts are never added.
        get => _dropped ? null : field;
        private set;
    }

    /// <summary>How many lines the part owned, counted from its own start, once it was scanned to its end.</summary>
    public long Lines { get; private set; }

    /// <summary>The header lines in force at the part's end (null: none), once it was scanned to its end.</summary>
    public HeaderLines? EndHeaders { get; private set; }

    /// <summary>
    /// Waits for the part's first chunk, or its end (a part without rows), and keeps the chunk for
    /// <see cref="Taken"/>: by either, the worker has read the head the range assumes (<see cref="RangeHeaders.ReadWith"/>).
    /// </summary>
    public void AwaitFirstRows()
    {
        if (Chunks.TryTake(out (TResult[] Rows, int Count) first, Timeout.Infinite))
        {
            _first = first;
        }
    }

    /// <summary>The part's chunks, in order, as its worker makes them, until its scan ends.</summary>
    public IEnumerable<(TResult[] Rows, int Count)> Taken()
    {
        if (_first is { } first)
        {
            _first = null;
            yield return first;
        }

        foreach ((TResult[] Rows, int Count) chunk in Chunks.GetConsumingEnumerable())
        {
            yield return chunk;
        }
    }

    /// <summary>Drops the part: none of its rows will be taken, and its worker stops at its next chunk.</summary>
    public void Drop()
    {
        _dropped = true;
        _drop!.Cancel();
    }

    /// <summary>
    /// The part's scan into <paramref name="rows"/> has ended, with <paramref name="failure"/> if it
    /// failed: hands over the rows made since the last chunk (those before a failure first, as the
    /// sequential stream gives them), and keeps how it ended for the consumer.
    /// </summary>
    /// <returns>Whether the failure is the part's own, which the consumer throws where it reaches the part (a cancellation of the stream is not).</returns>
    public bool End(RowCollector<TResult> rows, FileScan scan, long lines, Exception? failure)
    {
        try
        {
            if (_dropped)
            {
                return true; // its rows, counts and failure go nowhere
            }

            Scan = scan;
            if (failure is null)
            {
                rows.Flush();
                (Lines, EndHeaders, Done) = (lines, scan.Headers, true);
            }
            else if (failure is not OperationCanceledException || !_stop.IsCancellationRequested)
            {
                rows.Flush();
                Failure = ExceptionDispatchInfo.Capture(failure);
            }

            return failure is not OperationCanceledException || _dropped;
        }
        catch (OperationCanceledException) when (_dropped)
        {
            return true; // dropped while its last rows waited for room
        }
        finally
        {
            Chunks.CompleteAdding();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _drop?.Dispose();
        Chunks.Dispose();
    }
}

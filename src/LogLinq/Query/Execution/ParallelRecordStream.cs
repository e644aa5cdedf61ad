using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Query.Execution;

/// <summary>
/// A stream of rows, each made from a record by a <c>select</c>, that reads a big input on several
/// cores and hands the rows out in file order: the input is cut into even parts, scanned as an
/// aggregate's are, each into a short queue of its own, and the consumer takes the queues one after
/// the other. Two bounds keep memory flat and an early stop cheap: a part's queue holds a few chunks
/// of rows (where rows are dense, the consumer sets the pace), and a worker starts a part only a few
/// parts ahead of the one the consumer is taking (where they are sparse, the workers run ahead that
/// far). The consumer stopping cancels the workers. A part that fails throws where the consumer
/// reaches it, after the rows before it, as the sequential stream would.
/// </summary>
internal static class ParallelRecordStream
{
    /// <summary>Rows handed over at once: a queue operation costs less than a row's formatting.</summary>
    private const int ChunkRows = 1024;

    /// <summary>Chunks a part's worker may make before the consumer takes them.</summary>
    private const int ChunksAhead = 4;

    /// <summary>How many parts past the consumer's a worker may start, per worker.</summary>
    private const int PartsAheadPerWorker = 2;

    /// <summary>The size of a part: small enough that a few ahead cost little, big enough that opening one costs nothing.</summary>
    private const long PartSize = 8L * 1024 * 1024;

    /// <summary>The most rows a part holds before the consumer takes them: its queue full, and a chunk in hand.</summary>
    public const int RowsAhead = (ChunksAhead + 1) * ChunkRows;

    /// <summary>How many parts past the consumer's a worker may start, with <paramref name="workers"/> workers.</summary>
    public static int PartsAhead(int workers) => PartsAheadPerWorker * workers;

    /// <summary>
    /// The rows <paramref name="select"/> makes of the records that pass, in file order. Inputs under
    /// two of the options' least parts, and inputs a single part would scan, go the sequential way
    /// (<see cref="RecordStream"/>): there is nothing to share.
    /// </summary>
    /// <param name="input">The files.</param>
    /// <param name="query">What every line goes through.</param>
    /// <param name="select">Makes a row from a record that is valid only during the call (a view).</param>
    /// <param name="allowSplit">Whether plain files may be cut into ranges (not when line numbers are read).</param>
    public static IEnumerable<TResult> Enumerate<TResult>(ScanInput input, ScanQuery query, Func<LogRecord, TResult> select, bool allowSplit)
    {
        LogSourceOptions options = input.Options;
        int workers = Math.Max(1, options.MaxDegreeOfParallelism);
        List<ScanPart> parts = workers > 1 && IsBig(input.Files, options.MinPartSize)
            ? ScanPartitioner.Partition(input.Files, query.Format, workers, allowSplit, options.MinPartSize, evenPartSize: Math.Max(options.MinPartSize, Math.Min(PartSize, 4 * options.MinPartSize)))
            : [];
        if (parts.Count < 2)
        {
            foreach (LogRecord record in RecordStream.Enumerate(input, query, borrow: true))
            {
                yield return select(record);
            }

            yield break;
        }

        var outputs = new PartRows<TResult>[parts.Count];
        for (int i = 0; i < outputs.Length; i++)
        {
            outputs[i] = new PartRows<TResult>();
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        var run = new Run<TResult>(input, query, parts, outputs, select, workers, stop.Token);
        var thread = new Thread(run.Scan) { IsBackground = true, Name = "LogLinq stream" };
        thread.UnsafeStart();
        try
        {
            for (int p = 0; p < outputs.Length; p++)
            {
                PartRows<TResult> part = outputs[p];
                foreach ((TResult[] rows, int count) in part.Chunks.GetConsumingEnumerable())
                {
                    for (int i = 0; i < count; i++)
                    {
                        yield return rows[i];
                    }
                }

                run.Taking(p + 1);
                if (!part.Done)
                {
                    // The part's own failure (the workers, busy further on, are cancelled below), or
                    // the caller's cancellation, or else what ended the whole run, which is over.
                    part.Failure?.Throw();
                    options.CancellationToken.ThrowIfCancellationRequested();
                    thread.Join();
                    run.Failure?.Throw();
                    throw new InvalidOperationException("a part of the stream ended without its rows");
                }
            }
        }
        finally
        {
            // Stopped early, finished or failed: no worker outlives the enumeration.
            stop.Cancel();
            thread.Join();
        }
    }

    private static bool IsBig(IEnumerable<string> files, long minPartSize)
    {
        long total = 0;
        foreach (string file in files)
        {
            total += FoundFileSize.Of(file);
            if (total >= 2 * minPartSize)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A part's rows, in chunks, and how its scan ended.</summary>
    private sealed class PartRows<TResult>
    {
        public BlockingCollection<(TResult[] Rows, int Count)> Chunks { get; } = new(ChunksAhead);

        /// <summary>Whether the part was scanned to its end.</summary>
        public bool Done { get; set; }

        /// <summary>Why the part's scan failed, when it did (not for a cancellation).</summary>
        public ExceptionDispatchInfo? Failure { get; set; }
    }

    /// <summary>The workers' side: the parts scanned into their queues, on a thread of its own.</summary>
    private sealed class Run<TResult>(
        ScanInput input, ScanQuery query, List<ScanPart> parts, PartRows<TResult>[] outputs, Func<LogRecord, TResult> select, int workers, CancellationToken stop)
    {
        private readonly object _gate = new();
        private int _taking;

        /// <summary>Why the run as a whole ended early (a cancellation), if it did.</summary>
        public ExceptionDispatchInfo? Failure { get; private set; }

        /// <summary>The consumer is now taking the rows of <paramref name="part"/>: workers may start parts further on.</summary>
        public void Taking(int part)
        {
            lock (_gate)
            {
                _taking = part;
                Monitor.PulseAll(_gate);
            }
        }

        public void Scan()
        {
            using CancellationTokenRegistration wake = stop.Register(() =>
            {
                lock (_gate)
                {
                    Monitor.PulseAll(_gate);
                }
            });
            try
            {
                ParallelScanner.RunParts(input, query, parts, StartPart, workers, stop, PartEnded);
            }
            catch (Exception e)
            {
                Failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                foreach (PartRows<TResult> output in outputs)
                {
                    if (!output.Chunks.IsAddingCompleted)
                    {
                        output.Chunks.CompleteAdding();
                    }
                }
            }
        }

        // The part's state, once the consumer is near enough: the part the consumer takes is always
        // started (every part before it has been), so no worker waits on one that waits on it.
        private RowCollector<TResult> StartPart(int part)
        {
            lock (_gate)
            {
                while (part > _taking + PartsAhead(workers))
                {
                    stop.ThrowIfCancellationRequested();
                    Monitor.Wait(_gate);
                }
            }

            stop.ThrowIfCancellationRequested();
            return new RowCollector<TResult>(outputs[part], select, stop);
        }

        // A part's failure is its own: the consumer throws it after the rows before it, and the other
        // parts go on (a cancellation stops them all, as it should).
        private bool PartEnded(int part, PartialAggregate state, long lines, Exception? failure)
        {
            PartRows<TResult> output = outputs[part];
            if (failure is null)
            {
                ((RowCollector<TResult>)state).Flush();
                output.Done = true;
            }
            else if (failure is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                // The rows before the failure first, as the sequential stream would have given them.
                ((RowCollector<TResult>)state).Flush();
                output.Failure = ExceptionDispatchInfo.Capture(failure);
            }

            output.Chunks.CompleteAdding();
            return failure is not OperationCanceledException;
        }
    }

    /// <summary>One part's rows, made as its records pass and handed over a chunk at a time.</summary>
    private sealed class RowCollector<TResult>(PartRows<TResult> output, Func<LogRecord, TResult> select, CancellationToken stop) : PartialAggregate
    {
        private TResult[] _rows = new TResult[ChunkRows];
        private int _count;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override void Accept(ref Row row)
        {
            _rows[_count++] = select(row.View);
            if (_count == _rows.Length)
            {
                Flush();
            }
        }

        /// <summary>Hands over the rows made since the last chunk; waits while the part's queue is full.</summary>
        public void Flush()
        {
            if (_count > 0)
            {
                output.Chunks.Add((_rows, _count), stop);
                _rows = new TResult[ChunkRows];
                _count = 0;
            }
        }

        public override void Merge(PartialAggregate next) => throw new NotSupportedException();

        public override object? Result() => throw new NotSupportedException();
    }
}

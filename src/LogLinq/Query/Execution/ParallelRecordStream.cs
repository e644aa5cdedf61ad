using System.Runtime.ExceptionServices;
using LogLinq.Formats;
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
/// A W3C or CSV file is cut too: a range past its head is scanned with the head's header, and the
/// consumer, before it takes the range's first row, compares that with the header in force at the
/// end of the range before, which it has taken whole; where they differ (a header that changed
/// mid-file), the range's rows are dropped and the range is scanned again with the right one
/// (<see cref="RangeRescan{TResult}"/>). No row read with the wrong header is handed out.
/// </summary>
internal static class ParallelRecordStream
{
    /// <summary>Chunks a part's worker may make before the consumer takes them.</summary>
    private const int ChunksAhead = 4;

    /// <summary>How many parts past the consumer's a worker may start, per worker.</summary>
    private const int PartsAheadPerWorker = 2;

    /// <summary>The size of a part: small enough that a few ahead cost little, big enough that opening one costs nothing.</summary>
    private const long PartSize = 8L * 1024 * 1024;

    /// <summary>The most rows a part holds before the consumer takes them: its queue full, and a chunk in hand.</summary>
    public const int RowsAhead = (ChunksAhead + 1) * RowCollector<object>.ChunkRows;

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
            ? ScanPartitioner.Partition(
                input.Files, query.Format, workers, allowSplit, options.MinPartSize, splitHeaded: true, evenPartSize: Math.Max(options.MinPartSize, Math.Min(PartSize, 4 * options.MinPartSize)))
            : [];
        if (parts.Count < 2)
        {
            foreach (LogRecord record in RecordStream.Enumerate(input, query, borrow: true))
            {
                yield return select(record);
            }

            yield break;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        var outputs = new PartRows<TResult>[parts.Count];
        for (int i = 0; i < outputs.Length; i++)
        {
            outputs[i] = new PartRows<TResult>(ChunksAhead, stop.Token, droppable: parts[i].ReadsHeadFirst);
        }

        var headers = new RangeHeaders(parts.Count);
        ReadCounters counters = options.Counters ?? new ReadCounters();
        var run = new Run<TResult>(input, query, parts, outputs, select, workers, headers, stop.Token);
        var counts = new PartCounts(parts);
        var thread = new Thread(run.Scan) { IsBackground = true, Name = "LogLinq stream" };
        RangeRescan<TResult>? rescan = null;
        PartRows<TResult>? inHand = null;
        HeaderLines? inForce = null;

        // The rows of part p to hand out: its worker's, or where the worker read it with a header
        // not in force where it starts, those of its scan again with that one. Part p - 1 has been
        // taken whole: the header in force at its end is known.
        PartRows<TResult> Checked(int p)
        {
            PartRows<TResult> part = outputs[p];
            if (!parts[p].ReadsHeadFirst)
            {
                return part;
            }

            part.AwaitFirstRows();
            if (headers.ReadWith(p, parts[p], inForce))
            {
                return part;
            }

            part.Drop();
            rescan?.Dispose();
            rescan = RangeRescan<TResult>.Start(query, parts[p], inForce, select, ChunksAhead, counters, stop.Token);
            return rescan.Rows;
        }

        thread.UnsafeStart();
        try
        {
            for (int p = 0; p < outputs.Length; p++)
            {
                PartRows<TResult> part = inHand = Checked(p);
                foreach ((TResult[] rows, int count) in part.Taken())
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

                inForce = part.EndHeaders;
                counts.Add(part.Scan, part.Lines);
                inHand = null;
            }
        }
        finally
        {
            // Stopped early, finished or failed: no worker outlives the enumeration.
            stop.Cancel();
            thread.Join();
            rescan?.Join();
            AddRest(counts, inHand, parts, outputs);
            foreach (PartRows<TResult> output in outputs)
            {
                output.Dispose();
            }

            rescan?.Dispose();
        }
    }

    /// <summary>
    /// After an early stop or a failure, the counts of what was scanned, as the sequential stream
    /// reports what it read: the part in hand (checked: its rows were being taken), and those scanned
    /// ahead of it, but for ranges not checked, whose counts may be a wrong header's.
    /// </summary>
    private static void AddRest<TResult>(PartCounts counts, PartRows<TResult>? inHand, List<ScanPart> parts, PartRows<TResult>[] outputs)
    {
        if (inHand is not null)
        {
            counts.Add(inHand.Scan, inHand.Lines);
        }

        while (counts.Next < parts.Count)
        {
            PartRows<TResult> output = outputs[counts.Next];
            counts.Add(parts[counts.Next].ReadsHeadFirst ? null : output.Scan, output.Lines);
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

    /// <summary>The workers' side: the parts scanned into their queues, on a thread of its own.</summary>
    private sealed class Run<TResult>(
        ScanInput input,
        ScanQuery query,
        List<ScanPart> parts,
        PartRows<TResult>[] outputs,
        Func<LogRecord, TResult> select,
        int workers,
        RangeHeaders headers,
        CancellationToken stop)
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
                // The consumer checks each range's header as it comes to the range, and reports the counts.
                ParallelScanner.RunParts(input, query, parts, StartPart, workers, stop, PartEnded, checkedByCaller: headers);
            }
            catch (Exception e)
            {
                Failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                foreach (PartRows<TResult> output in outputs)
                {
                    output.Chunks.CompleteAdding();
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
            return new RowCollector<TResult>(outputs[part], select);
        }

        // A part's failure is its own: the consumer throws it after the rows before it, and the other
        // parts go on (a cancellation stops them all, as it should; a dropped part's is nothing).
        private bool PartEnded(int part, PartialAggregate state, FileScan scan, long lines, Exception? failure) =>
            outputs[part].End((RowCollector<TResult>)state, scan, lines, failure);
    }
}

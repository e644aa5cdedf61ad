using System.Runtime.CompilerServices;
using LogLinq.Formats;
using LogLinq.Interchange;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Query.Execution;

/// <summary>
/// Runs an aggregate over the input's parts on several workers, each part into its own partial
/// state, then merges the states in file order.
/// </summary>
internal static class ParallelScanner
{
    /// <summary>How often progress is reported.</summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>An aggregate reads everything anyway: bigger reads mean fewer system calls and copies.</summary>
    private const int ScanBufferSize = 1024 * 1024;

    /// <param name="input">The files.</param>
    /// <param name="query">What every line goes through.</param>
    /// <param name="create">Makes a partial state.</param>
    /// <param name="allowSplit">Whether plain files may be cut into ranges.</param>
    /// <param name="inFileOrder">
    /// Whether one state must see every row in file order (floating-point sums): then one worker
    /// feeds a single state, and the result is bit for bit what LINQ to Objects gives.
    /// </param>
    public static object? Run(ScanInput input, ScanQuery query, Func<PartialAggregate> create, bool allowSplit, bool inFileOrder = false)
    {
        LogSourceOptions options = input.Options;

        // Strict mode must stop at the first malformed line in file order, which one worker finds.
        int workers = options.Strict || inFileOrder ? 1 : Math.Max(1, options.MaxDegreeOfParallelism);
        if (inFileOrder)
        {
            PartialAggregate single = create();
            create = () => single;
        }
        List<ScanPart> parts = input.Stream is { } stream
            ? [new ScanPart(stream.Name, 0, -1, null) { Stream = stream }]
            : ScanPartitioner.Partition(input.Files, query.Format, workers, allowSplit && !options.Strict, options.MinPartSize, splitHeaded: true);
        if (parts.Count == 0)
        {
            return create().Result();
        }

        var merge = new OrderedMerge(parts, single: inFileOrder);
        RunParts(input, query, parts, i => merge.Hold(i, create()), workers, options.CancellationToken, (i, _, _, lines, failure) =>
        {
            if (failure is not null)
            {
                return false;
            }

            merge.Ended(i, lines);
            return true;
        });
        return merge.Result().Result();
    }

    /// <summary>
    /// Scans each of <paramref name="parts"/> into the state <paramref name="stateFor"/> makes for it,
    /// on up to <paramref name="workers"/> threads (this one among them), reporting progress as it
    /// goes, and adds the parts' counts of records and malformed lines to the report.
    /// <paramref name="partEnded"/>, when given, is told of each part's end; if it does not take a
    /// failure, the first failure stops the workers and is thrown here.
    /// A range that read its file's head first (<see cref="ScanPart.ReadsHeadFirst"/>) ends only once
    /// the ranges before it have, and only with their header in force at its start: where another
    /// header came between, it is scanned again with that one, so the answer is a whole file's scan.
    /// A <paramref name="partEnded"/> for such parts must not take a failure: the parts after a failed
    /// one would wait for its end forever.
    /// </summary>
    /// <param name="input">The files.</param>
    /// <param name="query">What every line goes through.</param>
    /// <param name="parts">The parts, in file order.</param>
    /// <param name="stateFor">Makes the state a part is scanned into.</param>
    /// <param name="workers">How many threads may scan.</param>
    /// <param name="cancel">Stops the scan.</param>
    /// <param name="partEnded">Told of each part's end.</param>
    /// <param name="checkedByCaller">
    /// Given by a caller that hands out a part's rows before the parts before it have ended (the
    /// parallel stream): each range that reads its file's head notes there the header it assumed, and
    /// every part ends at once, on its worker. The caller checks each range against the header in
    /// force where it starts (<see cref="RangeHeaders.ReadWith"/>) and scans it again
    /// (<see cref="ScanAgain"/>) where it differs; and so it is the caller that adds each part's
    /// counts to the report (<see cref="FileScan.Flush"/>, with the scan given to
    /// <paramref name="partEnded"/>), once it knows them right. <paramref name="partEnded"/> may then
    /// take failures.
    /// </param>
    public static void RunParts(
        ScanInput input,
        ScanQuery query,
        IReadOnlyList<ScanPart> parts,
        Func<int, PartialAggregate> stateFor,
        int workers,
        CancellationToken cancel,
        PartEndedHandler? partEnded = null,
        RangeHeaders? checkedByCaller = null)
    {
        LogSourceOptions options = input.Options;
        var lineCounts = new long[parts.Count];
        var scans = new FileScan?[parts.Count];

        // With fewer parts than workers a core would idle: let it decompress ahead instead.
        bool readAhead = workers > 1 && parts.Count < workers;
        long totalBytes = options.Progress is null ? 0 : parts.Where(p => p.IsWholeFile && p.Stream is null).Sum(p => FoundFileSize.Of(p.Path))
            + parts.Where(p => !p.IsWholeFile).Sum(p => p.End - p.Start);
        ReadCounters counters = options.Counters ?? new ReadCounters();
        using ProgressTimer? progress = options.Progress is null ? null
            : new ProgressTimer(options.Progress, () => new ScanProgress(counters.BytesRead, totalBytes), ProgressInterval);

        // Each part's counts go to the report in part order, as soon as the parts before it have
        // ended (line numbers of a part that started mid-file were counted from its start), and its
        // scan is let go: a query over many thousands of files holds the scans of a few.
        long lineBase = 0;
        var reported = new InOrderCompletion(parts.Count, i =>
        {
            lineBase = parts[i].Start == 0 ? 0 : lineBase;
            scans[i]?.Flush(lineBase);
            scans[i] = null;
            lineBase += lineCounts[i];
        });

        // A range past its file's head is scanned with the head's header (W3C's #Fields:, a CSV
        // header), as if none came between; unless the caller checks it, its end waits for the ranges
        // before it, and is checked against the header in force at the end of the one before (see RangeHeaders).
        RangeHeaders? headers = checkedByCaller ?? (parts.Any(p => p.ReadsHeadFirst) ? new RangeHeaders(parts.Count) : null);
        bool heldBack = headers is not null && checkedByCaller is null;
        InOrderCompletion? headersChecked = !heldBack ? null : new InOrderCompletion(parts.Count, i =>
        {
            if (!headers!.ReadRight(i, parts[i], out HeaderLines? inForce))
            {
                FileScan scan = scans[i] = new FileScan(query, parts[i].Path, parts[i].Format);
                PartialAggregate state = stateFor(i);
                lineCounts[i] = ScanAgain(scan, parts[i], inForce, state, counters, cancel);
                headers.Scanned(i, scan, state);
            }

            partEnded?.Invoke(i, headers.TakeState(i), scans[i]!, lineCounts[i], null);
            reported.Ended(i);
        });

        void Scan(int i)
        {
            bool checkedLater = false;
            try
            {
                checkedLater = ScanPart(i) && heldBack;
            }
            finally
            {
                if (!checkedLater)
                {
                    reported.Ended(i);
                }
            }

            if (checkedLater)
            {
                headersChecked!.Ended(i);
            }
        }

        // Whether the part ended with its lines scanned, not with a failure taken.
        bool ScanPart(int i)
        {
            PartialAggregate state = stateFor(i);
            FileScan scan = new FileScan(query, parts[i].Path, parts[i].Format);

            // A caller that checks the ranges reports every part's counts: only it knows which to trust.
            scans[i] = checkedByCaller is null ? scan : null;
            try
            {
                if (parts[i].ReadsHeadFirst)
                {
                    headers!.ReadHead(i, parts[i], scan, counters);
                }

                lineCounts[i] = ScanOne(parts[i], scan, state, counters, readAhead, cancel);
                if (heldBack)
                {
                    headers!.Scanned(i, scan, state);
                }
            }
            catch (Exception e) when (partEnded is not null)
            {
                if (!partEnded(i, state, scan, 0, e))
                {
                    throw;
                }

                return false;
            }
            finally
            {
                scan.ReleaseMasks();
            }

            if (!heldBack)
            {
                partEnded?.Invoke(i, state, scan, lineCounts[i], null);
            }

            return true;
        }

        try
        {
            PartWorkers.Run(parts.Count, workers, Scan, cancel);

            // A part another thread left while this one checked a part before it.
            headersChecked?.TakeAllEnded();
            progress?.Stop();
        }
        finally
        {
            // After a failure, the counts of what was scanned are reported all the same.
            reported.TakeRest();
        }
    }

    /// <summary>
    /// Scans <paramref name="range"/> again into <paramref name="state"/>, with <paramref name="scan"/>
    /// (a new one) given <paramref name="inForce"/> first: the header in force where the range starts
    /// (null: none), found to differ from the one it was first scanned with (see <see cref="RangeHeaders"/>).
    /// Returns how many lines the range owned.
    /// </summary>
    public static long ScanAgain(FileScan scan, ScanPart range, HeaderLines? inForce, PartialAggregate state, ReadCounters counters, CancellationToken cancel)
    {
        try
        {
            scan.ReadHeaders(inForce?.Lines ?? []);
            return ScanRange(range, scan, state, counters, cancel);
        }
        finally
        {
            scan.ReleaseMasks();
        }
    }

    /// <summary>
    /// The least plain file worth reading ahead on another core: for less, starting the thread and
    /// its queue costs more than the copies it takes off the parser. (Compressed files, whose
    /// decoding is the work, are read ahead whatever their size.)
    /// </summary>
    private const long ReadAheadMinimum = 16L * 1024 * 1024;

    /// <summary>Scans one part; returns how many lines it owned.</summary>
    private static long ScanOne(ScanPart part, FileScan scan, PartialAggregate state, ReadCounters counters, bool readAhead, CancellationToken cancel)
    {
        return part.IsWholeFile
            ? ScanWhole(part, scan, state, counters, readAhead, cancel)
            : ScanRange(part, scan, state, counters, cancel);
    }

    private static long ScanWhole(ScanPart part, FileScan scan, PartialAggregate state, ReadCounters counters, bool readAhead, CancellationToken cancel)
    {
        Stream content;
        try
        {
            content = new ScanSource(part.Path, part.Stream).Open(counters);
        }
        catch (LogSourceException e) when (part.Stream is null && scan.PassesOver(e))
        {
            return 0; // gone since the glob found it, or not readable: named in the report
        }

        if (readAhead && content is not DecompressionGuardStream { PlainLength: >= 0 and < ReadAheadMinimum })
        {
            content = new ReadAheadStream(content);
        }

        using Stream owned = content;

        // A file's damage (a .gz cut short) ends its reading where the query lets it: the lines
        // before it stay in the state. A record stream's damage, and a stream's, stop the scan.
        bool records;
        Stream replay;
        try
        {
            records = RecordStreamDetector.IsRecordStream(content, out replay);
        }
        catch (LogSourceException e) when (part.Stream is null && scan.PassesOver(e))
        {
            return 0;
        }

        if (records)
        {
            return ScanRecords(replay, part.Path, scan, state, cancel);
        }

        using var reader = new LineReader(replay, ScanBufferSize, ownsStream: false);
        var lines = new PartLines(scan, long.MaxValue, skipped: 0);
        reader.OverlongLine = lines.Pass;
        reader.CutLine = lines.Cut;
        try
        {
            return ScanLines(reader, scan, state, lines, cancel);
        }
        catch (LogSourceException e) when (part.Stream is null && scan.PassesOver(e))
        {
            return reader.LineNumber; // a whole file: no part after it needs its count
        }
    }

    /// <summary>Scans a record stream; returns how many records it held.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long ScanRecords(Stream content, string name, FileScan scan, PartialAggregate state, CancellationToken cancel)
    {
        using var decoder = new RecordDecoder(content, name, leaveOpen: true);
        while (scan.TryDecode(decoder, out Row row, out bool passes))
        {
            if ((decoder.Count & 0x3FFF) == 0)
            {
                cancel.ThrowIfCancellationRequested();
            }

            if (passes)
            {
                state.Accept(ref row);
            }
        }

        return decoder.Count;
    }

    private static long ScanRange(ScanPart part, FileScan scan, PartialAggregate state, ReadCounters counters, CancellationToken cancel)
    {
        // Start one byte early: if that byte is a newline, the part's first line starts exactly at
        // Start; otherwise the partial line before it belongs to the previous part.
        long origin = Math.Max(0, part.Start - 1);
        var file = new FileStream(part.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        counters.FileOpened();
        RangeStream? range = null;
        try
        {
            file.Seek(origin, SeekOrigin.Begin);
            range = new RangeStream(file, part.End);
            using var reader = new LineReader(range, ScanBufferSize, ownsStream: false);
            var lines = new PartLines(scan, part.End - origin, skipped: part.Start > 0 ? 1 : 0);
            reader.OverlongLine = lines.Pass;
            reader.CutLine = lines.Cut;
            reader.StopOffset = lines.Limit;

            // The partial first line alone, however long: were it over-long, MoveNext would pass over
            // it and go on to take the line after it, this part's first, as the skipped one.
            if (lines.Skipped > 0 && !reader.SkipLine())
            {
                return 0;
            }

            return ScanLines(reader, scan, state, lines, cancel);
        }
        finally
        {
            counters.AddBytes(range?.BytesRead ?? 0);
            file.Dispose();
            counters.FileClosed();
        }
    }

    /// <summary>
    /// Scans the reader's lines into <paramref name="state"/> up to the first line that starts at or
    /// after the part's limit (the next range's), a block at a time where the scan allows, else a line
    /// at a time. The part's skipped lines were read before (a range's partial first line); returns
    /// how many lines the scan owned.
    /// </summary>
    // Optimised from the start, like the per-row methods it calls (see PartialAggregate.Accept).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long ScanLines(LineReader reader, FileScan scan, PartialAggregate state, PartLines part, CancellationToken cancel)
    {
        // Locals, read in the loop, rather than the part's fields.
        long limit = part.Limit;
        long skipped = part.Skipped;
        long lines = 0;
        if (scan.NeedsFormat)
        {
            // Once, from the first block: where every line there is blank, the lines go one at a time
            // until one is not.
            scan.DetectFormat(reader.PeekLines(FileScan.BlockSize).Lines);
            if (scan.SkipsFile)
            {
                return 0; // a server's error log, named in the report (never cut into ranges: read whole)
            }
        }

        while (true)
        {
            if (scan.ScansBlocks)
            {
                LineBlock block = reader.PeekLines(FileScan.BlockSize);
                if (!block.IsEmpty)
                {
                    (int bytes, int taken) = state.ScanBlock(scan, block, block.FirstLineNumber - skipped, limit);
                    reader.Skip(bytes, taken);
                    cancel.ThrowIfCancellationRequested();
                    if (bytes < block.Lines.Length)
                    {
                        return part.Owned(reader.LineNumber); // the next range's first line stays unread
                    }

                    continue;
                }
            }

            if (!(scan.SkipLiteral is { } literal ? reader.MoveNextContaining(literal, limit) : reader.MoveNext()))
            {
                return part.Owned(reader.LineNumber);
            }

            if (reader.LineOffset >= limit)
            {
                return part.Owned(reader.LineNumber - 1);
            }

            if ((++lines & 0x3FFF) == 0)
            {
                cancel.ThrowIfCancellationRequested();
            }

            if (scan.TryRow(reader, reader.LineNumber - skipped, out Row row))
            {
                state.Accept(ref row);
            }
        }
    }
}

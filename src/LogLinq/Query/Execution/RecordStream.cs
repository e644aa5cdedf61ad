using LogLinq.Interchange;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Query.Execution;

/// <summary>
/// The lazy, sequential scan: records in file order, one file open at a time, reading no further
/// than the consumer asks. This is what enumeration, <c>First</c>, <c>Take</c> and <c>Any</c> run on.
/// A file or stream that holds a LogLinq record stream is decoded instead of parsed.
/// </summary>
internal static class RecordStream
{
    /// <summary>The records that pass, in file order.</summary>
    /// <param name="input">The files.</param>
    /// <param name="query">What every line goes through.</param>
    /// <param name="borrow">
    /// Whether each record may be a view over the reader's buffer, valid only until the next is asked
    /// for (one object, rebound for every line): for a consumer that copies what it needs at once.
    /// Otherwise each record owns a copy of its bytes.
    /// </param>
    public static IEnumerable<LogRecord> Enumerate(ScanInput input, ScanQuery query, bool borrow = false)
    {
        CancellationToken cancel = input.Options.CancellationToken;
        foreach (ScanSource source in input.Sources)
        {
            var scan = new FileScan(query, source.Name, knownFormat: null);
            using Stream? content = Open(scan, source, input.Options.Counters);
            if (content is null)
            {
                continue; // gone since the glob found it, or not readable: named in the report
            }

            try
            {
                // A file's damage (a .gz cut short) may end its reading where the query lets it: at
                // its first bytes, its first lines, or any line after (Damaged); a record stream's does not.
                bool records;
                Stream replay;
                try
                {
                    records = RecordStreamDetector.IsRecordStream(content, out replay);
                }
                catch (LogSourceException e) when (Damaged(scan, source, e))
                {
                    continue;
                }

                if (records)
                {
                    using var decoder = new RecordDecoder(replay, source.Name, leaveOpen: true);
                    while (Next(scan, decoder, borrow, out LogRecord? record))
                    {
                        if ((decoder.Count & 0xFFF) == 0)
                        {
                            cancel.ThrowIfCancellationRequested();
                        }

                        if (record is not null)
                        {
                            yield return record;
                        }
                    }

                    continue;
                }

                using var reader = new LineReader(replay, ownsStream: false) { OverlongLine = scan.Overlong, CutLine = scan.Cut };
                if (scan.NeedsFormat)
                {
                    // From the first lines, as the parallel scan finds it.
                    try
                    {
                        scan.DetectFormat(reader.PeekLines(FileScan.BlockSize).Lines);
                    }
                    catch (LogSourceException e) when (Damaged(scan, source, e))
                    {
                        continue;
                    }

                    if (scan.SkipsFile)
                    {
                        continue; // a server's error log, named in the report
                    }
                }

                long lines = 0;
                while (MoveNext(scan, reader, source))
                {
                    if ((++lines & 0xFFF) == 0)
                    {
                        cancel.ThrowIfCancellationRequested();
                    }

                    LogRecord? record = Next(scan, reader, borrow);
                    if (record is not null)
                    {
                        yield return record;
                    }
                }
            }
            finally
            {
                scan.Flush(lineBase: 0);
            }
        }
    }

    /// <summary>The reader's next line (one that holds the literal, where the scan skips to those); false at the end, or at damage the scan passes over.</summary>
    private static bool MoveNext(FileScan scan, LineReader reader, ScanSource source)
    {
        try
        {
            return scan.SkipLiteral is { } literal ? reader.MoveNextContaining(literal, long.MaxValue) : reader.MoveNext();
        }
        catch (LogSourceException e) when (Damaged(scan, source, e))
        {
            return false;
        }
    }

    /// <summary>The source's content; null when the file cannot be opened and the scan passes over that.</summary>
    private static Stream? Open(FileScan scan, ScanSource source, ReadCounters? counters)
    {
        try
        {
            return source.Open(counters);
        }
        catch (LogSourceException e) when (Damaged(scan, source, e))
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="failure"/> is a file's damage that the scan passes over (never a stream's: see <see cref="FileScan.PassesOver"/>).</summary>
    private static bool Damaged(FileScan scan, ScanSource source, LogSourceException failure) => source.Stream is null && scan.PassesOver(failure);

    private static LogRecord? Next(FileScan scan, LineReader reader, bool borrow) =>
        scan.TryRow(reader, reader.LineNumber, out Row row) ? Take(ref row, borrow) : null;

    /// <summary>The decoder's next record, null when it fails the predicate; false at the end.</summary>
    private static bool Next(FileScan scan, RecordDecoder decoder, bool borrow, out LogRecord? record)
    {
        bool more = scan.TryDecode(decoder, out Row row, out bool passes);
        record = passes ? Take(ref row, borrow) : null;
        return more;
    }

    private static LogRecord Take(ref Row row, bool borrow) => borrow ? row.View : row.Record;
}

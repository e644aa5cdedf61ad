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
    public static IEnumerable<LogRecord> Enumerate(ScanInput input, ScanQuery query)
    {
        CancellationToken cancel = input.Options.CancellationToken;
        foreach (ScanSource source in input.Sources)
        {
            var scan = new FileScan(query, source.Name, knownFormat: null);
            using Stream content = source.Open(input.Options.Counters);
            try
            {
                if (RecordStreamDetector.IsRecordStream(content, out Stream replay))
                {
                    using var decoder = new RecordDecoder(replay, source.Name, leaveOpen: true);
                    while (Next(scan, decoder, out LogRecord? record))
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

                using var reader = new LineReader(replay, ownsStream: false);
                long lines = 0;
                while (scan.SkipLiteral is { } literal ? reader.MoveNextContaining(literal, long.MaxValue) : reader.MoveNext())
                {
                    if ((++lines & 0xFFF) == 0)
                    {
                        cancel.ThrowIfCancellationRequested();
                    }

                    LogRecord? record = Next(scan, reader);
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

    private static LogRecord? Next(FileScan scan, LineReader reader) =>
        scan.TryRow(reader, reader.LineNumber, out Row row) ? row.Record : null;

    /// <summary>The decoder's next record, null when it fails the predicate; false at the end.</summary>
    private static bool Next(FileScan scan, RecordDecoder decoder, out LogRecord? record)
    {
        bool more = scan.TryDecode(decoder, out Row row, out bool passes);
        record = passes ? row.Record : null;
        return more;
    }
}

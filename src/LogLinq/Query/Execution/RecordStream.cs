using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Query.Execution;

/// <summary>
/// The lazy, sequential scan: records in file order, one file open at a time, reading no further
/// than the consumer asks. This is what enumeration, <c>First</c>, <c>Take</c> and <c>Any</c> run on.
/// </summary>
internal static class RecordStream
{
    public static IEnumerable<LogRecord> Enumerate(ScanInput input, ScanQuery query)
    {
        CancellationToken cancel = input.Options.CancellationToken;
        foreach (string file in input.Files)
        {
            var scan = new FileScan(query, file, knownFormat: null);
            using (var reader = new LineReader(LogFileOpener.Open(file, input.Options.Counters)))
            {
                try
                {
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
    }

    private static LogRecord? Next(FileScan scan, LineReader reader) =>
        scan.TryRow(reader, reader.LineNumber, out Row row) ? row.Record : null;
}

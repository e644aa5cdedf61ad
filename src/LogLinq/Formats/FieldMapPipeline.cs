using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>The pipeline stage for custom formats: the counterpart of <see cref="Pipeline.LogPipeline.Parse"/>.</summary>
public static class FieldMapPipeline
{
    /// <summary>
    /// Parses lines into <see cref="GenericRecord"/>s with <paramref name="map"/>. Blank lines are
    /// skipped; a line the pattern does not match, or whose value a converter rejects, is malformed:
    /// skipped and counted in <paramref name="report"/>, or with <paramref name="strict"/> thrown as a
    /// <see cref="MalformedLogException"/>.
    /// </summary>
    public static IEnumerable<GenericRecord> ParseWith(
        this IEnumerable<LogLine> lines,
        FieldMap map,
        ParseReport? report = null,
        bool strict = false)
    {
        // Checked here rather than in the iterator, so a bad call fails where it is made.
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(map);
        return Iterate(lines, map, report, strict);
    }

    private static IEnumerable<GenericRecord> Iterate(IEnumerable<LogLine> lines, FieldMap map, ParseReport? report, bool strict)
    {
        foreach (LogLine line in lines)
        {
            switch (map.Parse(line, out GenericRecord? record, out string? error))
            {
                case LineResult.Record:
                    report?.AddRecords(1);
                    yield return record!;
                    break;
                case LineResult.Malformed:
                    ParseReport.Reject(report, new MalformedLine(line.File, line.Number, error ?? "malformed line"), strict);
                    break;
            }
        }
    }
}

namespace LogLinq.Query.Execution;

/// <summary>
/// The parallel stream's parts' counts of records and malformed lines, added to the report in part
/// order as the consumer takes the parts: only then is a range of a header-led file known to have
/// been read with the header in force where it starts, and the line numbers of a range, counted from
/// its own start, can be made its file's.
/// </summary>
internal sealed class PartCounts(IReadOnlyList<ScanPart> parts)
{
    private long _lineBase;

    /// <summary>The part whose counts are to be added next.</summary>
    public int Next { get; private set; }

    /// <summary>Adds the next part's counts from <paramref name="scan"/> (none: none to add), and notes the <paramref name="lines"/> it owned.</summary>
    public void Add(FileScan? scan, long lines)
    {
        _lineBase = parts[Next].Start == 0 ? 0 : _lineBase;
        scan?.Flush(_lineBase);
        _lineBase += lines;
        Next++;
    }
}

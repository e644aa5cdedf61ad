using LogLinq.Sources;

namespace LogLinq.Query.Execution;

/// <summary>
/// Which lines one part of a scan owns, as its <see cref="LineReader"/> numbers them: those that start
/// before <see cref="Limit"/> (where the next range's first line is), less the <see cref="Skipped"/>
/// partial line a range starts in (the previous part's). It takes the over-long lines the reader
/// passes over (<see cref="Pass"/>): one the part owns is counted malformed in its scan, numbered as
/// its other lines are; the first that starts at or past the limit belongs to the next part, and the
/// part's count of lines (<see cref="Owned"/>) stops before it.
/// </summary>
/// <param name="scan">The part's scan.</param>
/// <param name="limit">The position in the reader's stream where the next part's lines start.</param>
/// <param name="skipped">How many lines the reader reads before the part's own: 1 for a range that starts mid-file, else 0.</param>
internal sealed class PartLines(FileScan scan, long limit, long skipped)
{
    // One read may pass over several over-long lines past the limit: the first is where the part ends.
    private long _firstPastLimit = long.MaxValue;

    /// <summary>The position in the reader's stream where the next part's lines start.</summary>
    public long Limit => limit;

    /// <summary>How many lines the reader reads before the part's own.</summary>
    public long Skipped => skipped;

    /// <summary>An <see cref="OverlongLineHandler"/> for the part's reader.</summary>
    public void Pass(long number, long offset)
    {
        if (offset >= limit)
        {
            _firstPastLimit = Math.Min(_firstPastLimit, number);
        }
        else
        {
            scan.Overlong(number - skipped, offset);
        }
    }

    /// <summary>
    /// A <see cref="CutLineHandler"/> for the part's reader: the cut text of a line the part owns is
    /// counted malformed in its scan; one past the limit is the next part's, which reads it again.
    /// </summary>
    public void Cut(long number, long offset)
    {
        if (offset < limit)
        {
            scan.Cut(number - skipped, offset);
        }
    }

    /// <summary>
    /// How many lines the part owned, <paramref name="last"/> being the number of the last line the
    /// scan took for its own: over-long lines past the limit, which the reader passed over before the
    /// scan could stop at them, are not.
    /// </summary>
    public long Owned(long last) => Math.Min(last, _firstPastLimit - 1) - skipped;
}

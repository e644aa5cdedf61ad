using LogLinq.Formats;
using LogLinq.Sources;
using Microsoft.Win32.SafeHandles;

namespace LogLinq.Query.Execution;

/// <summary>
/// What the ranges of a scan knew of their files' headers (W3C's <c>#Fields:</c>, a CSV header), so
/// that a file with a header can be cut into ranges like any other. A range past a file's head
/// cannot know which header is in force where it starts without reading every byte before it; it is
/// scanned with the head's (<see cref="ReadHead"/>), and taken only once the range before it has
/// ended with that same header in force (<see cref="ReadRight"/>). A file whose header never
/// changes (nearly every one: an IIS log repeats the same <c>#Fields:</c> at each restart) is then
/// read once, on every core; one whose header changes has the ranges after the change read again.
/// The parallel stream, whose rows go out as a range is scanned, checks each range itself, as it
/// comes to take its rows (<see cref="ReadWith"/>).
/// </summary>
internal sealed class RangeHeaders(int parts)
{
    private readonly HeaderLines?[] _assumed = new HeaderLines?[parts];
    private readonly HeaderLines?[] _atEnd = new HeaderLines?[parts];
    private readonly PartialAggregate?[] _states = new PartialAggregate?[parts];

    /// <summary>Gives <paramref name="scan"/>, of a range past its file's head, the head's header lines, and notes them as what the range assumes.</summary>
    public void ReadHead(int part, ScanPart range, FileScan scan, ReadCounters counters)
    {
        using (SafeFileHandle handle = File.OpenHandle(range.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            counters.FileOpened();
            scan.ReadHeaders(FileHeadLines.Read(handle, counters).Select(line => line.Bytes));
        }

        counters.FileClosed();

        // Read by a caller that checks its ranges itself, on another thread (see ReadWith).
        Volatile.Write(ref _assumed[part], scan.Headers);
    }

    /// <summary>Part <paramref name="part"/>'s scan has ended into <paramref name="state"/>: notes the header in force at its end.</summary>
    public void Scanned(int part, FileScan scan, PartialAggregate state)
    {
        _atEnd[part] = scan.Headers;
        _states[part] = state;
    }

    /// <summary>
    /// Whether <paramref name="range"/> was read with the header in force where it starts: that at the
    /// end of the part before it, which has ended. If not, <paramref name="inForce"/> is that header
    /// (null: none), to scan the range again with.
    /// </summary>
    public bool ReadRight(int part, ScanPart range, out HeaderLines? inForce)
    {
        inForce = part > 0 ? _atEnd[part - 1] : null;
        return ReadWith(part, range, inForce);
    }

    /// <summary>
    /// Whether <paramref name="range"/> was read with <paramref name="inForce"/> (null: none), the
    /// header in force where it starts, for a caller that checks its ranges itself as it takes them
    /// (see <see cref="ParallelScanner.RunParts"/>): it asks once the range has handed over its first
    /// rows, or has ended, by when its head has been read.
    /// </summary>
    public bool ReadWith(int part, ScanPart range, HeaderLines? inForce) =>
        !range.ReadsHeadFirst || HeaderLines.Alike(Volatile.Read(ref _assumed[part]), inForce);

    /// <summary>The state part <paramref name="part"/>'s last scan ended into, let go here.</summary>
    public PartialAggregate TakeState(int part)
    {
        PartialAggregate state = _states[part]!;
        _states[part] = null;
        return state;
    }
}

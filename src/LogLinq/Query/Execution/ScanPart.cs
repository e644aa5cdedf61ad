using LogLinq.Formats;

namespace LogLinq.Query.Execution;

/// <summary>
/// A unit of parallel work: a whole file, or a byte range of a plain one. A range owns the lines that
/// start inside it.
/// </summary>
/// <param name="Path">The file.</param>
/// <param name="Start">The first byte of the range; 0 for a whole file.</param>
/// <param name="End">One past the range's last byte; -1 for a whole file.</param>
/// <param name="Format">The file's format when known before scanning (detected once for a split file).</param>
internal sealed record ScanPart(string Path, long Start, long End, LogFormat? Format)
{
    /// <summary>The stream read instead of a file (<see cref="Path"/> is then its name); it is read whole.</summary>
    public Interchange.StreamInput? Stream { get; init; }

    public bool IsWholeFile => End < 0;

    /// <summary>
    /// Whether the part is a range past the head of a file whose header says what its lines hold
    /// (W3C, CSV): its scan reads the head's header lines first, and what it found holds only if no
    /// other header came between (see <see cref="ParallelScanner"/>).
    /// </summary>
    public bool ReadsHeadFirst => Start > 0 && Format is { LinesStandAlone: false };
}

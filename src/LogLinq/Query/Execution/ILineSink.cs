using LogLinq.Formats;

namespace LogLinq.Query.Execution;

/// <summary>
/// What a block scan does with each NCSA line that parsed: make a row and hand it to an aggregate, or,
/// for an aggregate that reads only the parsed numbers, add them up. A struct, so that the scan loop
/// (<see cref="FileScan.ScanBlock{TSink}"/>) is compiled for each kind of sink with the call inlined:
/// a row and two virtual calls a line were a tenth of a sum's scan.
/// </summary>
internal interface ILineSink
{
    /// <summary>Takes a line that parsed into <paramref name="fields"/>.</summary>
    /// <param name="line">The line, without its line noise.</param>
    /// <param name="start">Where the line starts in the block's buffer.</param>
    /// <param name="number">The line's number.</param>
    /// <param name="fields">The line's fields.</param>
    void Accept(ReadOnlySpan<byte> line, int start, long number, ref CommonLogFields fields);
}

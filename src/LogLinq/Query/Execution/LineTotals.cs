using System.Runtime.CompilerServices;
using LogLinq.Formats;

namespace LogLinq.Query.Execution;

/// <summary>
/// The totals of a block of NCSA lines that parsed: how many, and the sums of the two numbers every
/// line has. Every aggregate of whole-scan counts and sums (<c>Count</c>, <c>Sum</c> and <c>Average</c>
/// of bytes or status, and any mix of them in one <c>summarize</c>) is answered from these, with no
/// row made per line (<see cref="PartialAggregate.TakesTotals"/>).
/// </summary>
internal struct LineTotals : ILineSink
{
    /// <summary>The lines.</summary>
    public long Lines;

    /// <summary>The sum of their bytes.</summary>
    public long Bytes;

    /// <summary>Whether <see cref="Bytes"/> overflowed: only a query that sums the bytes must fail for it.</summary>
    public bool BytesOverflowed;

    /// <summary>The sum of their status codes.</summary>
    public long Status;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accept(ReadOnlySpan<byte> line, int start, long number, ref CommonLogFields fields)
    {
        Lines++;

        // A line's bytes may be anything up to long.MaxValue, so a sum that overflows is negative right
        // after. (The status codes of a block cannot overflow.)
        Bytes += fields.Bytes;
        BytesOverflowed |= Bytes < 0;
        Status += fields.Status;
    }
}

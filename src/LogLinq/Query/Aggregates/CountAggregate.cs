using LogLinq.Sources;
using LogLinq.Formats;
using System.Runtime.CompilerServices;
using LogLinq.Query.Execution;

namespace LogLinq.Query.Aggregates;

/// <summary><c>Count</c> and <c>LongCount</c>: how many rows passed.</summary>
internal sealed class CountAggregate(bool asLong) : PartialAggregate
{
    private long _count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Accept(ref Row row) => _count++;

    public override (int Bytes, int Lines) ScanBlock(FileScan scan, scoped in LineBlock block, long firstNumber, long stopOffset)
    {
        if (scan.HasPredicate)
        {
            return base.ScanBlock(scan, block, firstNumber, stopOffset);
        }

        var lines = new LineCount();
        (int Bytes, int Lines) taken = scan.ScanBlock(block, firstNumber, ref lines, stopOffset);
        _count += lines.Count;
        return taken;
    }

    public override void Merge(PartialAggregate next) => _count += ((CountAggregate)next)._count;

    // Enumerable.Count is checked: past int.MaxValue it throws, and so does this.
    public override object Result() => asLong ? _count : (object)checked((int)_count);

    /// <summary>Counts every line that parsed: without a predicate, each is a row.</summary>
    private struct LineCount : ILineSink
    {
        public long Count;

        public void Accept(ReadOnlySpan<byte> line, int start, long number, ref CommonLogFields fields) => Count++;
    }
}

using System.Runtime.CompilerServices;
using LogLinq.Records;

namespace LogLinq.Query.Execution;

/// <summary>
/// One part's rows for the parallel stream, made as its records pass and handed to its queue a chunk
/// at a time: a queue operation costs less than a row's formatting.
/// </summary>
internal sealed class RowCollector<TResult>(PartRows<TResult> output, Func<LogRecord, TResult> select) : PartialAggregate
{
    /// <summary>Rows handed over at once.</summary>
    public const int ChunkRows = 1024;

    private TResult[] _rows = new TResult[ChunkRows];
    private int _count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Accept(ref Row row)
    {
        _rows[_count++] = select(row.View);
        if (_count == _rows.Length)
        {
            Flush();
        }
    }

    /// <summary>Hands over the rows made since the last chunk; waits while the part's queue is full.</summary>
    public void Flush()
    {
        if (_count > 0)
        {
            output.Chunks.Add((_rows, _count), output.Stop);
            _rows = new TResult[ChunkRows];
            _count = 0;
        }
    }

    /// <inheritdoc/>
    public override void Merge(PartialAggregate next) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override object? Result() => throw new NotSupportedException();
}

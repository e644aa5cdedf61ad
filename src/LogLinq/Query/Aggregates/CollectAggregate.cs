using System.Runtime.CompilerServices;
using LogLinq.Query.Execution;
using LogLinq.Records;

namespace LogLinq.Query.Aggregates;

/// <summary>
/// Every passing record, in file order: what a streaming query becomes when it shares a scan with
/// others in a batch and cannot pull at its own pace.
/// </summary>
internal sealed class CollectAggregate : PartialAggregate
{
    private readonly List<LogRecord> _records = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Accept(ref Row row) => _records.Add(row.Record);

    public override void Merge(PartialAggregate next) => _records.AddRange(((CollectAggregate)next)._records);

    public override void Rebase(long lineBase)
    {
        for (int i = 0; i < _records.Count; i++)
        {
            _records[i] = _records[i].WithLineNumber(_records[i].LineNumber + lineBase);
        }
    }

    public override object Result() => _records;
}

using LogLinq.Records;

namespace LogLinq.Query.Execution;

/// <summary>A value the planner cannot compute from the bytes: compiled C#, run on a record.</summary>
internal sealed class LambdaValue<T>(Func<LogRecord, T> selector, string text) : RowValue<T>
{
    public override T Get(ref Row row) => selector(row.Record);

    public override string ToString() => $"[on record] {text}";
}

using System.Runtime.CompilerServices;
using LogLinq.Records;

namespace LogLinq.Query.Execution;

/// <summary>
/// A value the planner cannot compute from the bytes: compiled C#, run on a record — a view of the
/// row when the code only reads fields (<paramref name="readsFieldsOnly"/>), else a copy it may keep.
/// </summary>
internal sealed class LambdaValue<T>(Func<LogRecord, T> selector, string text, bool readsFieldsOnly) : RowValue<T>
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override T Get(ref Row row) => selector(readsFieldsOnly ? row.View : row.Record);

    public override string ToString() => $"[on record] {text}";
}

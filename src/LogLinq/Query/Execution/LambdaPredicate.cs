using System.Runtime.CompilerServices;
using LogLinq.Records;

namespace LogLinq.Query.Execution;

/// <summary>
/// A condition the planner could not translate: compiled C#, run on a record — a view of the row when
/// the code only reads fields (<paramref name="readsFieldsOnly"/>), else a copy it may keep.
/// </summary>
internal sealed class LambdaPredicate(Func<LogRecord, bool> test, string text, bool readsFieldsOnly) : RowPredicate
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Test(ref Row row) => test(readsFieldsOnly ? row.View : row.Record);

    public override bool NeedsRecord => true;

    public override string ToString() => $"[on record] {text}";
}

using LogLinq.Records;

namespace LogLinq.Query.Execution;

/// <summary>A condition the planner could not translate: compiled C#, run on a record.</summary>
internal sealed class LambdaPredicate(Func<LogRecord, bool> test, string text) : RowPredicate
{
    public override bool Test(ref Row row) => test(row.Record);

    public override bool NeedsRecord => true;

    public override string ToString() => $"[on record] {text}";
}

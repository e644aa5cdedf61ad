using System.Runtime.CompilerServices;
using LogLinq.Query.Execution;

namespace LogLinq.Query.Aggregates;

/// <summary>
/// Several queries' stages over one scan: each row is parsed once and offered to every member that
/// its own predicate lets through.
/// </summary>
internal sealed class BatchAggregate(IReadOnlyList<RowPredicate?> predicates, PartialAggregate[] members) : PartialAggregate
{
    // An array: read through the interface, each member's predicate cost an interface call a row.
    private readonly RowPredicate?[] _predicates = [.. predicates];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Accept(ref Row row)
    {
        RowPredicate?[] tests = _predicates;
        for (int i = 0; i < members.Length && i < tests.Length; i++)
        {
            if (tests[i] is not { } predicate || predicate.Test(ref row))
            {
                members[i].Accept(ref row);
            }
        }
    }

    public override void Merge(PartialAggregate next)
    {
        PartialAggregate[] others = ((BatchAggregate)next).Members;
        for (int i = 0; i < members.Length; i++)
        {
            members[i].Merge(others[i]);
        }
    }

    public override void Rebase(long lineBase)
    {
        foreach (PartialAggregate member in members)
        {
            member.Rebase(lineBase);
        }
    }

    public override object Result() => members.Select(m => m.Result()).ToArray();

    private PartialAggregate[] Members => members;
}

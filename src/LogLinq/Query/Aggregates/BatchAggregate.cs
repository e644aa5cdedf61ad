using System.Runtime.CompilerServices;
using LogLinq.Query.Execution;

namespace LogLinq.Query.Aggregates;

/// <summary>
/// Several queries' stages over one scan: each row is parsed once and offered to every member that
/// its own predicate lets through. A member whose arithmetic overflows on the data is stopped there
/// and its failure kept (<see cref="BatchMemberFailure"/>): the other members are still answered.
/// </summary>
internal sealed class BatchAggregate(IReadOnlyList<RowPredicate?> predicates, PartialAggregate[] members) : PartialAggregate
{
    // An array: read through the interface, each member's predicate cost an interface call a row.
    private readonly RowPredicate?[] _predicates = [.. predicates];

    // Each member's overflow in this part, null while it runs; whether any has one.
    private readonly OverflowException?[] _failures = new OverflowException?[members.Length];
    private bool _anyFailed;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Accept(ref Row row)
    {
        if (_anyFailed)
        {
            AcceptLeavingOutFailed(ref row, 0);
            return;
        }

        // One protected region a row, not one a member: the loop stays as tight as it was without it.
        RowPredicate?[] tests = _predicates;
        int i = 0;
        try
        {
            for (; i < members.Length && i < tests.Length; i++)
            {
                if (tests[i] is not { } predicate || predicate.Test(ref row))
                {
                    members[i].Accept(ref row);
                }
            }
        }
        catch (OverflowException e)
        {
            Fail(i, e);
            AcceptLeavingOutFailed(ref row, i + 1);
        }
    }

    /// <summary>Offers the row to the members from <paramref name="first"/> on that have not failed: once one has, for the rest of the part.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AcceptLeavingOutFailed(ref Row row, int first)
    {
        for (int i = first; i < members.Length && i < _predicates.Length; i++)
        {
            if (_failures[i] is not null)
            {
                continue;
            }

            try
            {
                if (_predicates[i] is not { } predicate || predicate.Test(ref row))
                {
                    members[i].Accept(ref row);
                }
            }
            catch (OverflowException e)
            {
                Fail(i, e);
            }
        }
    }

    private void Fail(int member, OverflowException failure)
    {
        _failures[member] = failure;
        _anyFailed = true;
    }

    public override void Merge(PartialAggregate next)
    {
        var other = (BatchAggregate)next;
        for (int i = 0; i < members.Length; i++)
        {
            // This part comes first in the file, so its failure is the one a sequential scan would meet.
            if ((_failures[i] ?? other._failures[i]) is { } failure)
            {
                Fail(i, failure);
                continue;
            }

            try
            {
                members[i].Merge(other.Members[i]);
            }
            catch (OverflowException e)
            {
                Fail(i, e);
            }
        }
    }

    public override void Rebase(long lineBase)
    {
        foreach (PartialAggregate member in members)
        {
            member.Rebase(lineBase);
        }
    }

    /// <summary>Each member's answer, or a <see cref="BatchMemberFailure"/> where it overflowed.</summary>
    public override object Result() => members.Select((member, i) => _failures[i] is { } failure ? new BatchMemberFailure(failure) : ResultOf(member)).ToArray();

    private static object? ResultOf(PartialAggregate member)
    {
        try
        {
            return member.Result();
        }
        catch (OverflowException e)
        {
            return new BatchMemberFailure(e);
        }
    }

    private PartialAggregate[] Members => members;
}

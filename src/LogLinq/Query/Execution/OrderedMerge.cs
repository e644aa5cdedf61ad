namespace LogLinq.Query.Execution;

/// <summary>
/// Folds the parts' partial aggregates together in part order, each as soon as every part before it
/// has ended: the answer is a sequential run's (a part's lines follow the last part's), and only the
/// states of parts that ended ahead of an earlier one are held, not one per part, so a query over
/// thousands of files keeps a few tables, not thousands.
/// </summary>
internal sealed class OrderedMerge
{
    private readonly IReadOnlyList<ScanPart> _parts;
    private readonly PartialAggregate?[] _states;
    private readonly long[] _lines;
    private readonly bool _single;
    private readonly InOrderCompletion _completion;
    private PartialAggregate? _merged;
    private long _lineBase;

    /// <param name="parts">The parts, in file order.</param>
    /// <param name="single">Whether every part adds to one state (in file order already), which is then the answer.</param>
    public OrderedMerge(IReadOnlyList<ScanPart> parts, bool single)
    {
        (_parts, _single) = (parts, single);
        _states = new PartialAggregate?[parts.Count];
        _lines = new long[parts.Count];
        _completion = new InOrderCompletion(parts.Count, Merge);
    }

    /// <summary>Keeps <paramref name="state"/> as part <paramref name="part"/>'s until it is merged.</summary>
    public PartialAggregate Hold(int part, PartialAggregate state) => _states[part] = state;

    /// <summary>
    /// Part <paramref name="part"/> has ended, having owned <paramref name="lines"/> lines: merges it
    /// and the ended parts after it, unless another thread is merging now.
    /// </summary>
    public void Ended(int part, long lines)
    {
        _lines[part] = lines;
        _completion.Ended(part);
    }

    /// <summary>The merged state, once every part has ended.</summary>
    public PartialAggregate Result() =>
        _completion.TakeAllEnded() ? _merged! : throw new InvalidOperationException("a part has not ended");

    private void Merge(int part)
    {
        // Line numbers of a part that started mid-file were counted from its start.
        _lineBase = _parts[part].Start == 0 ? 0 : _lineBase;
        PartialAggregate state = _states[part]!;
        if (_lineBase != 0)
        {
            state.Rebase(_lineBase);
        }

        _lineBase += _lines[part];
        if (_merged is null)
        {
            _merged = state;
        }
        else if (!_single)
        {
            _merged.Merge(state);
        }

        _states[part] = null;
    }
}

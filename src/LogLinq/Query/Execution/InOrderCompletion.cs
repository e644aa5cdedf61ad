namespace LogLinq.Query.Execution;

/// <summary>
/// Parts that end in any order, taken in their order: each as soon as every part before it has
/// ended, by whichever thread ends one while no other is taking (a thread never waits for another's
/// taking; what it leaves, the next to end or <see cref="TakeRest"/> takes).
/// </summary>
internal sealed class InOrderCompletion
{
    private readonly bool[] _ended;
    private readonly Action<int> _take;
    private readonly object _gate = new();
    private int _next;

    /// <param name="count">How many parts there are.</param>
    /// <param name="take">What is done with each part, in order, on one thread at a time.</param>
    public InOrderCompletion(int count, Action<int> take) => (_ended, _take) = (new bool[count], take);

    /// <summary>Part <paramref name="part"/> has ended: takes it, and the ended parts after it, if it can now.</summary>
    public void Ended(int part)
    {
        Volatile.Write(ref _ended[part], true);
        if (Monitor.TryEnter(_gate))
        {
            try
            {
                TakeEnded();
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }
    }

    /// <summary>Takes the ended parts not yet taken; returns whether every part has been.</summary>
    public bool TakeAllEnded()
    {
        lock (_gate)
        {
            TakeEnded();
            return _next == _ended.Length;
        }
    }

    /// <summary>Takes every part not yet taken, ended or not (after a failure stopped the others).</summary>
    public void TakeRest()
    {
        lock (_gate)
        {
            while (_next < _ended.Length)
            {
                _take(_next++);
            }
        }
    }

    private void TakeEnded()
    {
        while (_next < _ended.Length && Volatile.Read(ref _ended[_next]))
        {
            _take(_next++);
        }
    }
}

using System.Runtime.CompilerServices;
using LogLinq.Query.Execution;
using LogLinq.Records;

namespace LogLinq.Query.Aggregates;

/// <summary>
/// The first <c>k</c> records of <c>OrderBy(key).ThenBy(...).Take(k)</c>, without sorting everything:
/// each part keeps its best <c>k</c>, and parts merge in file order, so ties keep the order a stable
/// sort gives. A row becomes a record only when it makes the cut.
/// </summary>
internal sealed class TopAggregate<TKey>(RowValue<TKey> first, bool descending, IReadOnlyList<SortKey> then, int k)
    : PartialAggregate
{
    private readonly Comparer<TKey> _comparer = Comparer<TKey>.Default;
    private readonly List<Entry> _best = [];

    // An array: through the interface, its count was an interface call at every row.
    private readonly SortKey[] _then = [.. then];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Accept(ref Row row)
    {
        if (k == 0)
        {
            return;
        }

        TKey key = first.Get(ref row);
        if (_best.Count == k)
        {
            // Ranks after the worst kept (or level with it: a later row loses a tie): not in.
            int order = CompareFirst(key, _best[^1].Key);
            if (order > 0 || (order == 0 && _then.Length == 0))
            {
                return;
            }
        }

        LogRecord record = row.Record;
        Insert(new Entry(key, ThenKeys(record), record));
    }

    // Out of Accept: a lambda there that captures the record made its closure at every row, taken
    // or not (350 MB over the big log).
    private object?[] ThenKeys(LogRecord record) => _then.Length == 0 ? [] : [.. _then.Select(t => t.Get(record))];

    public override void Merge(PartialAggregate next)
    {
        foreach (Entry entry in ((TopAggregate<TKey>)next)._best)
        {
            if (_best.Count == k && Compare(entry, _best[^1]) >= 0)
            {
                break;
            }

            Insert(entry);
        }
    }

    public override void Rebase(long lineBase)
    {
        for (int i = 0; i < _best.Count; i++)
        {
            _best[i] = _best[i] with { Record = _best[i].Record.WithLineNumber(_best[i].Record.LineNumber + lineBase) };
        }
    }

    public override object Result() => _best.Select(e => e.Record).ToList();

    private void Insert(Entry entry)
    {
        if (k == 0)
        {
            return;
        }

        // After every entry that is not greater, so equal keys stay in arrival order.
        int lo = 0, hi = _best.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Compare(_best[mid], entry) <= 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        if (lo >= k)
        {
            return;
        }

        _best.Insert(lo, entry);
        if (_best.Count > k)
        {
            _best.RemoveAt(_best.Count - 1);
        }
    }

    // For a number or a time, Comparer<TKey>.Default's own call, which the JIT turns into a plain
    // comparison; code shared by reference types would look that static up each time, so it keeps one.
    private int CompareFirst(TKey a, TKey b) =>
        typeof(TKey).IsValueType
            ? (descending ? Comparer<TKey>.Default.Compare(b, a) : Comparer<TKey>.Default.Compare(a, b))
            : (descending ? _comparer.Compare(b, a) : _comparer.Compare(a, b));

    private int Compare(Entry a, Entry b)
    {
        int order = CompareFirst(a.Key, b.Key);
        for (int i = 0; order == 0 && i < _then.Length; i++)
        {
            order = _then[i].Compare(a.Then[i], b.Then[i]);
        }

        return order;
    }

    private readonly record struct Entry(TKey Key, object?[] Then, LogRecord Record);
}

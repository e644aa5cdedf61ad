using System.Collections;

namespace LogLinq.Xml;

/// <summary>
/// <c>source.OrderBy(k1).ThenBy(k2)....Take(count)</c> in one pass that keeps the best
/// <paramref name="count"/> rows so far, rather than sorting them all: the same rows in the same order,
/// ties in input order as LINQ's stable sort has them, with <see cref="Comparer{T}.Default"/> per key.
/// </summary>
internal sealed class TopRows<T>(IEnumerable<T> source, IReadOnlyList<TopRows<T>.Order> keys, int count) : IEnumerable<T>
{
    public IEnumerator<T> GetEnumerator()
    {
        if (count <= 0)
        {
            yield break;
        }

        var top = new List<(object?[] Keys, T Item)>(Math.Min(count, 1024));
        foreach (T item in source)
        {
            object?[] itemKeys = new object?[keys.Count];
            for (int i = 0; i < itemKeys.Length; i++)
            {
                itemKeys[i] = keys[i].Of(item);
            }

            // A row no better than the last kept comes after it: ties keep their input order.
            if (top.Count == count && Compare(itemKeys, top[^1].Keys) >= 0)
            {
                continue;
            }

            top.Insert(UpperBound(top, itemKeys), (itemKeys, item));
            if (top.Count > count)
            {
                top.RemoveAt(top.Count - 1);
            }
        }

        foreach ((_, T item) in top)
        {
            yield return item;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int Compare(object?[] a, object?[] b)
    {
        for (int i = 0; i < keys.Count; i++)
        {
            int order = keys[i].Compare(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    /// <summary>Where a row with <paramref name="itemKeys"/> goes: after every kept row not greater than it.</summary>
    private int UpperBound(List<(object?[] Keys, T Item)> top, object?[] itemKeys)
    {
        int low = 0;
        int high = top.Count;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (Compare(top[middle].Keys, itemKeys) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>One sort key: how to read it from a row, and how two of them compare.</summary>
    internal abstract class Order
    {
        public abstract object? Of(T item);

        public abstract int Compare(object? a, object? b);
    }

    /// <summary>A sort key of type <typeparamref name="TKey"/>, ascending or descending.</summary>
    internal sealed class Order<TKey>(Func<T, TKey> key, bool descending) : Order
    {
        public override object? Of(T item) => key(item);

        public override int Compare(object? a, object? b)
        {
            int order = Comparer<TKey>.Default.Compare((TKey)a!, (TKey)b!);
            return descending ? -Math.Sign(order) : order;
        }
    }
}

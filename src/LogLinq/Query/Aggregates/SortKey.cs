using LogLinq.Records;

namespace LogLinq.Query.Aggregates;

/// <summary>A <c>ThenBy</c> key: computed on a record, compared with the key type's default comparer.</summary>
internal sealed class SortKey(Func<LogRecord, object?> key, IComparer<object?> comparer, bool descending, string text)
{
    public object? Get(LogRecord record) => key(record);

    public int Compare(object? a, object? b) => descending ? comparer.Compare(b, a) : comparer.Compare(a, b);

    public override string ToString() => descending ? $"{text} desc" : text;

    /// <summary>A key of type <typeparamref name="T"/>, compared as Enumerable's <c>ThenBy</c> would.</summary>
    public static SortKey Create<T>(Func<LogRecord, T> key, bool descending, string text) =>
        new(r => key(r), new BoxedComparer<T>(), descending, text);

    private sealed class BoxedComparer<T> : IComparer<object?>
    {
        public int Compare(object? x, object? y) => Comparer<T>.Default.Compare((T)x!, (T)y!);
    }
}

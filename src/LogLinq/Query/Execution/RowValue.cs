namespace LogLinq.Query.Execution;

/// <summary>A value computed from a row: a field read off the raw bytes, or compiled C# run on a record.</summary>
/// <typeparam name="T">The value's type.</typeparam>
internal abstract class RowValue<T>
{
    // Every override runs once per row: mark it [AggressiveOptimization]. Tiering would leave it unoptimised
    // for much of a scan, since the background compiler competes with the scan's workers for the cores.
    public abstract T Get(ref Row row);

    /// <summary>The value, for <c>Explain()</c>.</summary>
    public abstract override string ToString();
}

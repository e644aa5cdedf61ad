namespace LogLinq.Query.Execution;

/// <summary>A value computed from a row: a field read off the raw bytes, or compiled C# run on a record.</summary>
/// <typeparam name="T">The value's type.</typeparam>
internal abstract class RowValue<T>
{
    public abstract T Get(ref Row row);

    /// <summary>The value, for <c>Explain()</c>.</summary>
    public abstract override string ToString();
}

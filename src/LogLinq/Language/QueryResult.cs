namespace LogLinq.Language;

/// <summary>
/// What a query answers: rows of values under named columns, read lazily as <see cref="Rows"/> is
/// enumerated, or a single value (<c>| count</c>), which is also one row of one column.
/// </summary>
public sealed class QueryResult
{
    private readonly IEnumerable<object?[]> _rows;

    internal QueryResult(IReadOnlyList<QueryColumn> columns, IEnumerable<object?[]> rows)
    {
        Columns = columns;
        _rows = rows;
    }

    internal QueryResult(QueryColumn column, object? scalar)
    {
        Columns = [column];
        IsScalar = true;
        Scalar = scalar;
        _rows = [[scalar]];
    }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<QueryColumn> Columns { get; }

    /// <summary>Whether the answer is a single value.</summary>
    public bool IsScalar { get; }

    /// <summary>The single value, when <see cref="IsScalar"/>.</summary>
    public object? Scalar { get; }

    /// <summary>
    /// The rows, one array of values per row in column order. Enumerating runs the query; a query
    /// that streams (no aggregate) reads the logs as it goes.
    /// </summary>
    public IEnumerable<object?[]> Rows => _rows;
}

using System.Linq.Expressions;
using LogLinq.Query;

namespace LogLinq.Language;

/// <summary>
/// A query that type-checked: the LINQ expression it compiled to, over <see cref="LogSource"/>, and
/// the columns of its answer. Nothing has been read yet; <see cref="Execute"/> runs it and
/// <see cref="Explain"/> shows how it would run.
/// </summary>
public sealed class CompiledQuery
{
    private readonly LogQueryProvider _provider;

    internal CompiledQuery(IQueryProvider provider, IReadOnlyList<string> globs, Expression expression, IReadOnlyList<QueryColumn> columns, bool isScalar)
    {
        _provider = (LogQueryProvider)provider;
        Globs = globs;
        Expression = expression;
        Columns = columns;
        IsScalar = isScalar;
    }

    /// <summary>The globs naming the files the query reads: its <c>from</c>, or the default.</summary>
    public IReadOnlyList<string> Globs { get; }

    /// <summary>The LINQ expression: operators of <see cref="Queryable"/> applied to the log source.</summary>
    public Expression Expression { get; }

    /// <summary>The columns of the answer.</summary>
    public IReadOnlyList<QueryColumn> Columns { get; }

    /// <summary>Whether the answer is a single value.</summary>
    public bool IsScalar { get; }

    /// <summary>Runs the query. Rows are read lazily, as <see cref="QueryResult.Rows"/> is enumerated.</summary>
    public QueryResult Execute() =>
        IsScalar
            ? new QueryResult(Columns[0], _provider.Execute(Expression))
            : new QueryResult(Columns, _provider.CreateQuery<object?[]>(Expression));

    /// <summary>
    /// The answer's rows as a query, still lazy, to go on with in LINQ (the REPL's <c>Query(...)</c>).
    /// A single-value answer is one row of one column, computed when enumerated.
    /// </summary>
    public IQueryable<object?[]> AsQueryable() =>
        IsScalar ? ScalarRow().AsQueryable() : _provider.CreateQuery<object?[]>(Expression);

    private IEnumerable<object?[]> ScalarRow()
    {
        yield return [_provider.Execute(Expression)];
    }

    /// <summary>
    /// How the query would run: the LINQ it compiled to, then the planner's plan (what is pushed down
    /// to the raw bytes, which fields are read, how the scan is split). Lists the files but reads none.
    /// </summary>
    public string Explain() =>
        $"linq:       {SourceAsName.Rewrite(Expression)}\n{_provider.Explain(Expression)}";

    /// <summary>Shows the log source as <c>logs</c>, not as the type name of its constant.</summary>
    private sealed class SourceAsName : ExpressionVisitor
    {
        private static readonly ParameterExpression Logs = Expression.Parameter(typeof(IQueryable<Records.LogRecord>), "logs");

        public static string Rewrite(Expression expression) => new SourceAsName().Visit(expression).ToString();

        protected override Expression VisitConstant(ConstantExpression node) =>
            node.Value is IQueryable<Records.LogRecord> ? Logs : node;
    }
}

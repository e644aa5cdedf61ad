using System.Linq.Expressions;
using System.Text;
using LogLinq.Formats;
using LogLinq.Live;
using LogLinq.Query;
using LogLinq.Query.Planning;
using LogLinq.Records;
using LogLinq.Xml;

namespace LogLinq.Language;

/// <summary>
/// A query that type-checked: the LINQ expression it compiled to, over <see cref="LogSource"/>, and
/// the columns of its answer. Nothing has been read yet; <see cref="Execute()"/> runs it and
/// <see cref="Explain"/> shows how it would run.
/// </summary>
public sealed class CompiledQuery
{
    private readonly IQueryProvider _provider;
    private readonly Shape _shape;

    internal CompiledQuery(IQueryable source, IReadOnlyList<string> globs, Expression expression, IReadOnlyList<QueryColumn> columns, bool isScalar, Shape shape)
    {
        _provider = source.Provider;
        _shape = shape;
        Source = source as IQueryable<LogRecord>;
        Globs = globs;
        Expression = expression;
        Columns = columns;
        IsScalar = isScalar;
    }

    /// <summary>The globs naming the files the query reads: its <c>from</c>, or the default; empty for <c>from -</c>.</summary>
    public IReadOnlyList<string> Globs { get; }

    /// <summary>
    /// The records the query reads, before its stages: <c>LogSource.Open</c> of its files in its format,
    /// or <c>LogSource.Read</c> of standard input for <c>from -</c>. A <see cref="LogBatch"/> over it
    /// can answer this query with others that read the same. Null for a query over XML
    /// (<see cref="XmlElement"/>), whose records are not log records.
    /// </summary>
    public IQueryable<LogRecord>? Source { get; }

    /// <summary>
    /// Whether each row of the answer is a whole record: the query has only <c>where</c>, <c>sort</c>,
    /// <c>top</c> and <c>take</c> stages, so <see cref="Records"/> can give the rows as <see cref="LogRecord"/>s.
    /// </summary>
    public bool IsRecords => _shape.Records is not null;

    /// <summary>The LINQ expression: operators of <see cref="Queryable"/> applied to the log source.</summary>
    public Expression Expression { get; }

    /// <summary>The columns of the answer.</summary>
    public IReadOnlyList<QueryColumn> Columns { get; }

    /// <summary>Whether the answer is a single value.</summary>
    public bool IsScalar { get; }

    /// <summary>The names of the <c>$parameters</c> the query uses, without the <c>$</c>.</summary>
    public IReadOnlyCollection<string> Parameters => _shape.Parameters;

    /// <summary>The log format its <c>from ... as</c> names; null when it leaves it to the source's options, or reads XML.</summary>
    public LogFormat? Format => _shape.Format;

    /// <summary>
    /// For <c>from ... as xml(element)</c>, the name of the elements that are its records; null for a
    /// query over logs. Such a query runs in LINQ to Objects over <see cref="LogSource.Xml(IEnumerable{string}, string, LogSourceOptions?)"/>:
    /// it cannot be followed, run over other records, or share a <see cref="LogBatch"/>.
    /// </summary>
    public string? XmlElement => _shape.XmlElement;

    /// <summary>Runs the query. Rows are read lazily, as <see cref="QueryResult.Rows"/> is enumerated.</summary>
    /// <exception cref="OverflowException">
    /// (Here, or as the rows are read.) A sum of integers, or an integer <c>+ - *</c>, does not fit in
    /// 64 bits; the message names the query's expression.
    /// </exception>
    public QueryResult Execute() =>
        IsScalar
            ? new QueryResult(Columns[0], _shape.Overflows.Guard(() => _provider.Execute(Expression)))
            : new QueryResult(Columns, _shape.Overflows.Guard(_provider.CreateQuery<object?[]>(Expression)));

    /// <summary>
    /// The answer's rows as a query, still lazy, to go on with in LINQ (the REPL's <c>Query(...)</c>).
    /// A single-value answer is one row of one column, computed when enumerated. An overflow of the
    /// query's own sums or arithmetic names them, as with <see cref="Execute()"/>.
    /// </summary>
    public IQueryable<object?[]> AsQueryable() =>
        IsScalar ? ScalarRow().AsQueryable() : _shape.Overflows.GuardQuery(_provider.CreateQuery<object?[]>(Expression));

    /// <summary>
    /// The answer as the records themselves rather than rows of their fields, still lazy: to write
    /// them on (<see cref="Interchange.RecordStreamWriter"/>) or go on in LINQ with every field.
    /// </summary>
    /// <exception cref="QueryException">
    /// A stage makes rows of its own (<c>select</c>, <c>distinct</c>, <c>summarize</c>, <c>count</c>);
    /// the exception points at it. <see cref="IsRecords"/> says beforehand.
    /// </exception>
    public IQueryable<LogRecord> Records() =>
        _shape.Records is { } records && XmlElement is null
            ? _provider.CreateQuery<LogRecord>(records)
            : throw _shape.RecordsProblem!;

    private IEnumerable<object?[]> ScalarRow()
    {
        yield return [_shape.Overflows.Guard(() => _provider.Execute(Expression))];
    }

    /// <summary>
    /// Runs the query over <paramref name="records"/> instead of the files it names, in LINQ to
    /// Objects: lazily, so a query without an aggregate streams over records that are still arriving.
    /// </summary>
    /// <param name="records">The records, as a list, or <see cref="LogSource.Follow(string, FollowOptions?)"/>'s.</param>
    /// <exception cref="InvalidOperationException">The query reads XML (<see cref="XmlElement"/>), whose records are not log records.</exception>
    public QueryResult Execute(IEnumerable<LogRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        ThrowIfXml("run over log records");
        IQueryable<LogRecord> source = records.AsQueryable();
        Expression query = SourceReplacer.Replace(Expression, source.Expression);
        return IsScalar
            ? new QueryResult(Columns[0], _shape.Overflows.Guard(() => source.Provider.Execute(query)))
            : new QueryResult(Columns, _shape.Overflows.Guard(source.Provider.CreateQuery<object?[]>(query)));
    }

    /// <summary>
    /// Runs the query over the files it names as they grow (<see cref="LogSource.Follow(IEnumerable{string}, FollowOptions?)"/>):
    /// the rows of <c>where</c>, <c>select</c> and <c>take</c> come as their records are written; a
    /// last <c>summarize ... by bin(time, d)</c> answers each window of time once a record of a later
    /// window arrives, and the last window when following ends (<see cref="FollowOptions.Until"/>).
    /// A record that arrives after its window was answered is left out.
    /// </summary>
    /// <param name="options">How to follow; a <c>from ... as format</c> in the query overrides an <c>auto</c> format.</param>
    /// <returns>The result, whose rows are read, lazily and without end, as they are enumerated.</returns>
    /// <exception cref="QueryException">
    /// The query needs the end of its input to answer (<c>count</c>, <c>distinct</c>, <c>sort</c>, <c>top</c>,
    /// a summarize without a time window), which followed input never reaches.
    /// </exception>
    public QueryResult Follow(FollowOptions? options = null)
    {
        if (_shape.FollowProblem is { } problem)
        {
            throw problem;
        }

        options ??= new FollowOptions();
        if (Format is { } format && options.Format == LogFormat.Auto)
        {
            options = options with { Format = format };
        }

        IEnumerable<LogRecord> records = LogSource.Follow(Globs, options);
        if (_shape.Window is not { } size)
        {
            return Execute(records);
        }

        var windows = new TimeWindows(size, window => Execute(window).Rows);
        return new QueryResult(Columns, windows.Rows(records));
    }

    /// <summary>
    /// Adds the query to <paramref name="batch"/>, to be answered with the others in one scan of the
    /// batch's source, which is read instead of the files the query names.
    /// </summary>
    /// <returns>The handle that holds the answer once the batch has run; its rows are then in memory.</returns>
    /// <exception cref="InvalidOperationException">The query reads XML (<see cref="XmlElement"/>): run it with <see cref="Execute()"/>.</exception>
    public LogBatchResult<QueryResult> AddTo(LogBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ThrowIfXml("share a scan of logs");
        return IsScalar
            ? batch.Add(Expression, value => new QueryResult(Columns[0], value), _shape.Overflows)
            : batch.Add(Expression, value => new QueryResult(Columns, [.. (IEnumerable<object?[]>)value!]), _shape.Overflows);
    }

    /// <summary>
    /// How the query would run: the LINQ it compiled to, then the planner's plan (what is pushed down
    /// to the raw bytes, which fields are read, how the scan is split). Lists the files but reads none.
    /// </summary>
    public string Explain() =>
        $"linq:       {SourceAsName.Rewrite(Expression)}\n" + _provider switch
        {
            LogQueryProvider logs => logs.Explain(Expression),
            XmlQueryProvider xml => ExplainXml(xml),
            _ => "",
        };

    private string ExplainXml(XmlQueryProvider xml)
    {
        var text = new StringBuilder();
        text.Append($"source:     {string.Join(", ", Globs.Select(g => $"\"{g}\""))} as xml({XmlElement}): each <{XmlElement}> element is a record, its children's text the fields;\n");
        text.Append("            read with XmlReader one node at a time, one file after another, stopping when the answer is known\n");
        foreach (string note in xml.Explain(Expression))
        {
            text.Append(note).Append('\n');
        }

        text.Append("execution:  LINQ to Objects over the records, sequential (no pushdown to the bytes, no parallel scan for XML)\n");
        return text.ToString();
    }

    private void ThrowIfXml(string what)
    {
        if (XmlElement is not null)
        {
            throw new InvalidOperationException($"a query over xml({XmlElement}) cannot {what}: run it with Execute()");
        }
    }

    /// <summary>What the compiler learnt of the query beyond its expression.</summary>
    /// <param name="Format">The format its <c>from ... as</c> names, if any.</param>
    /// <param name="Parameters">The parameters it uses.</param>
    /// <param name="FollowProblem">Why it cannot run over followed input; null when it can.</param>
    /// <param name="Window">The time window of its last summarize, when it is followed.</param>
    /// <param name="XmlElement">The element of <c>as xml(element)</c>; null for logs.</param>
    internal sealed record Shape(LogFormat? Format, IReadOnlyCollection<string> Parameters, QueryException? FollowProblem, TimeSpan? Window, string? XmlElement = null)
    {
        /// <summary>The query's records before they become rows, when its rows are whole records.</summary>
        public Expression? Records { get; init; }

        /// <summary>Which stage makes rows of its own, when its rows are not records.</summary>
        public QueryException? RecordsProblem { get; init; }

        /// <summary>Where its integers can overflow, to say which did.</summary>
        public OverflowSites Overflows { get; init; } = new();
    }

    /// <summary>
    /// Shows the log source as <c>logs</c>, not as the type name of its constant, and durations as the
    /// language writes them (<see cref="ExpressionText"/>).
    /// </summary>
    private sealed class SourceAsName : ExpressionVisitor
    {
        private static readonly ParameterExpression Logs = Expression.Parameter(typeof(IQueryable<Records.LogRecord>), "logs");
        private static readonly ParameterExpression Xml = Expression.Parameter(typeof(IQueryable<GenericRecord>), "xml");

        public static string Rewrite(Expression expression) => ExpressionText.Of(new SourceAsName().Visit(expression));

        protected override Expression VisitConstant(ConstantExpression node) =>
            node.Value is IQueryable<Records.LogRecord> ? Logs : node.Value is IQueryable<GenericRecord> ? Xml : node;
    }
}

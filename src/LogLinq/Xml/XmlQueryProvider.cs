using System.Linq.Expressions;
using LogLinq.Records;

namespace LogLinq.Xml;

/// <summary>
/// Runs queries over XML records in LINQ to Objects, after one rewrite (<see cref="StreamingRewriter"/>):
/// a <c>GroupBy(key).Select(g =&gt; aggregates of g)</c> becomes a pass that keeps one set of running
/// aggregates per group, and an <c>OrderBy(...).Take(n)</c> one that keeps n rows, so that neither
/// holds every record of a big file as LINQ to Objects would. Anything else runs as LINQ to Objects
/// runs it: there is no pushdown and no parallel scan for XML.
/// </summary>
internal sealed class XmlQueryProvider : IQueryProvider
{
    private readonly IQueryable<GenericRecord> _records;

    /// <summary>A provider over <paramref name="records"/>, a lazy sequence read anew at each enumeration.</summary>
    public XmlQueryProvider(IEnumerable<GenericRecord> records)
    {
        // The source is an EnumerableQuery constant: what LINQ to Objects runs, once the rewrite is done.
        _records = records.AsQueryable();
        Source = new XmlQuery<GenericRecord>(this, Expression.Constant(_records, typeof(IQueryable<GenericRecord>)));
    }

    /// <summary>The records, as the query to start from.</summary>
    public IQueryable<GenericRecord> Source { get; }

    public IQueryable CreateQuery(Expression expression)
    {
        Type element = expression.Type.GetInterfaces().Append(expression.Type)
            .First(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];
        return (IQueryable)Activator.CreateInstance(typeof(XmlQuery<>).MakeGenericType(element), this, expression)!;
    }

    public IQueryable<TElement> CreateQuery<TElement>(Expression expression) => new XmlQuery<TElement>(this, expression);

    public object? Execute(Expression expression) => _records.Provider.Execute(Rewrite(expression, null));

    public TResult Execute<TResult>(Expression expression) => _records.Provider.Execute<TResult>(Rewrite(expression, null));

    /// <summary>The rows of <paramref name="expression"/>, read as they are enumerated.</summary>
    public IEnumerable<T> Run<T>(Expression expression) => _records.Provider.CreateQuery<T>(Rewrite(expression, null));

    /// <summary>What the rewrite makes of <paramref name="expression"/>, in words, one line each; reads nothing.</summary>
    public IReadOnlyList<string> Explain(Expression expression)
    {
        var notes = new List<string>();
        Rewrite(expression, notes);
        return notes;
    }

    private Expression Rewrite(Expression expression, List<string>? notes) => new StreamingRewriter(this, notes).Visit(expression);
}

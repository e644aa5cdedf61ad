using System.Linq.Expressions;
using System.Reflection;
using LogLinq.Query.Execution;
using LogLinq.Query.Planning;
using LogLinq.Records;

namespace LogLinq.Query;

/// <summary>
/// The query provider: hands each expression to the <see cref="QueryPlanner"/> and runs the plan.
/// Planning and running are kept apart, so <c>Explain()</c> can show a plan without running it.
/// </summary>
internal sealed class LogQueryProvider(ScanInput input) : IQueryProvider
{
    public ScanInput Input { get; } = input;

    public IQueryable CreateQuery(Expression expression)
    {
        Type element = ElementType(expression.Type);
        return (IQueryable)Activator.CreateInstance(typeof(LogQuery<>).MakeGenericType(element), this, expression)!;
    }

    public IQueryable<TElement> CreateQuery<TElement>(Expression expression) => new LogQuery<TElement>(this, expression);

    public object? Execute(Expression expression)
    {
        try
        {
            return QueryPlanner.Plan(expression, Input).Execute();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // Reflection-made aggregates and LINQ to Objects wrap errors; the user wants the error itself
            // (the parallel scan unwraps its workers' errors itself).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    public TResult Execute<TResult>(Expression expression) => (TResult)Execute(expression)!;

    /// <summary>The query's records as views valid until the next, where the plan streams them; else null.</summary>
    public IEnumerable<LogRecord>? ExecuteBorrowed(Expression expression) => QueryPlanner.Plan(expression, Input).ExecuteBorrowed();

    public string Explain(Expression expression) => QueryPlanner.Plan(expression, Input).Explain();

    private static Type ElementType(Type sequence) =>
        sequence.IsGenericType && sequence.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? sequence.GetGenericArguments()[0]
            : sequence.GetInterfaces().Prepend(sequence)
                .First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                .GetGenericArguments()[0];
}

using System.Linq.Expressions;
using System.Runtime.ExceptionServices;
using LogLinq.Language;
using LogLinq.Query.Aggregates;
using LogLinq.Query.Execution;
using LogLinq.Query.Planning;
using LogLinq.Records;

namespace LogLinq.Query;

/// <summary>
/// Many questions, one pass: queries added to a batch are planned one by one, then answered
/// together by a single parallel scan that parses each line once. Each answer equals what the
/// query gives run alone.
/// </summary>
/// <example>
/// <code>
/// var batch = new LogBatch(LogSource.Open("data/**/access-log*"));
/// var bytes = batch.Add(q =&gt; q.Sum(r =&gt; r.Bytes));
/// var hosts = batch.Add(q =&gt; q.Select(r =&gt; r.Host).Distinct().Count());
/// batch.Run();
/// Console.WriteLine($"{bytes.Value} bytes to {hosts.Value} hosts");
/// </code>
/// </example>
public sealed class LogBatch
{
    private readonly IQueryable<LogRecord> _source;
    private readonly LogQueryProvider _provider;
    private readonly List<(QueryPlan Plan, Action<object?> Deliver, Action<OverflowException> Fail)> _members = [];

    /// <summary>A batch over <paramref name="source"/>, which must come from <see cref="LogSource.Open(string, LogSourceOptions?)"/>.</summary>
    /// <exception cref="ArgumentException">The source is not a log source.</exception>
    public LogBatch(IQueryable<LogRecord> source)
    {
        _source = source;
        _provider = source.Provider as LogQueryProvider
            ?? throw new ArgumentException("a batch needs a query over LogSource.Open(...)", nameof(source));
    }

    /// <summary>Adds a query; its answer is in the returned handle once <see cref="Run"/> has run.</summary>
    public LogBatchResult<T> Add<T>(Expression<Func<IQueryable<LogRecord>, T>> query)
    {
        Expression body = ExpressionFacts.Substitute(query.Body, query.Parameters[0], _source.Expression);
        return Add(body, value => (T)value!);
    }

    /// <summary>
    /// Adds a query written over any log source (a compiled query's expression): the batch's source is
    /// read in its place. <paramref name="finish"/> turns the answer into the handle's value;
    /// <paramref name="overflows"/>, where the query's integers can overflow, when known.
    /// </summary>
    internal LogBatchResult<T> Add<T>(Expression query, Func<object?, T> finish, OverflowSites? overflows = null)
    {
        var result = new LogBatchResult<T>();
        Expression body = SourceReplacer.Replace(query, _source.Expression);

        // A final ToList() or ToArray() is Enumerable's, not Queryable's: run it on the answer.
        Delegate? final = null;
        body = ExpressionFacts.WithoutFinalEnumerableCall(body, out MethodCallExpression? call);
        if (call is not null)
        {
            ParameterExpression answer = Expression.Parameter(body.Type, "answer");
            final = Expression.Lambda(call.Update(call.Object, [answer, .. call.Arguments.Skip(1)]), answer).Compile();
        }

        QueryPlan plan = QueryPlanner.Plan(body, _provider.Input);
        _members.Add((plan, value =>
        {
            // A stage's answer may be a plain list where the query's type says IQueryable.
            value = value is System.Collections.IEnumerable sequence and not IQueryable && typeof(IQueryable).IsAssignableFrom(body.Type)
                ? Queryable.AsQueryable(sequence)
                : value;
            result.Set(finish(final is null ? value : final.DynamicInvoke(value)));
        }, overflow => result.Fail(overflows?.Explain(overflow) ?? overflow)));
        return result;
    }

    /// <summary>
    /// Reads the input once and answers every query added. A query whose arithmetic overflows on the
    /// data fails alone: its handle throws, and the others are answered.
    /// </summary>
    public void Run()
    {
        if (_members.Count == 0)
        {
            return;
        }

        ScanInput input = _provider.Input;
        RowPredicate?[] predicates = [.. _members.Select(m => m.Plan.Query.Predicate)];
        Func<PartialAggregate>[] stages = [.. _members.Select(m => m.Plan.Stage.Aggregate ?? (() => new CollectAggregate()))];
        bool allowSplit = _members.All(m => m.Plan.Stage.AllowSplit);

        // The shared scan filters nothing itself: each member applies its own predicate.
        LogSourceOptions options = input.Options;
        var shared = new ScanQuery(options.Format, null, options.Strict, options.Report) { SkipDamagedFiles = options.SkipDamagedFiles && !options.Strict };
        bool inFileOrder = _members.Any(m => m.Plan.Stage.InFileOrder);
        var outputs = (object?[])ParallelScanner.Run(input, shared, () => new BatchAggregate(predicates, [.. stages.Select(s => s())]), allowSplit && !inFileOrder, inFileOrder)!;

        for (int i = 0; i < _members.Count; i++)
        {
            (QueryPlan plan, Action<object?> deliver, Action<OverflowException> fail) = _members[i];
            if (outputs[i] is BatchMemberFailure failure)
            {
                fail(failure.Error);
                continue;
            }

            try
            {
                deliver(plan.Finish(outputs[i]));
            }
            catch (OverflowException e)
            {
                // Rows computed as the answer is finished (a select's integer arithmetic) overflow here.
                fail(e);
            }
        }
    }
}

/// <summary>The answer to one query of a <see cref="LogBatch"/>.</summary>
/// <typeparam name="T">The query's result type.</typeparam>
public sealed class LogBatchResult<T>
{
    private T? _value;
    private bool _done;
    private ExceptionDispatchInfo? _failure;

    internal LogBatchResult()
    {
    }

    /// <summary>The answer.</summary>
    /// <exception cref="InvalidOperationException">The batch has not run yet.</exception>
    /// <exception cref="OverflowException">
    /// This query's arithmetic overflowed on the data (a sum of integers past 2^63, say); the batch's
    /// other queries are answered all the same.
    /// </exception>
    public T Value
    {
        get
        {
            _failure?.Throw();
            return _done ? _value! : throw new InvalidOperationException("the batch has not run yet: call Run() first");
        }
    }

    internal void Set(T value) => (_value, _done) = (value, true);

    internal void Fail(OverflowException failure) => _failure = ExceptionDispatchInfo.Capture(failure);
}

using System.Linq.Expressions;
using LogLinq.Query.Execution;
using LogLinq.Records;

namespace LogLinq.Query;

/// <summary>
/// The entry point: log files as an <see cref="IQueryable{T}"/> of <see cref="LogRecord"/>. Queries
/// are planned so that filters run on the raw bytes, aggregates run on every core, and reading stops
/// as soon as the answer is known.
/// </summary>
/// <example>
/// <code>
/// var logs = LogSource.Open("data/www/**/access-log*");
/// long sent = logs.Sum(r => r.Bytes);
/// var broken = logs.Where(r => r.Status == 404).Select(r => r.Path).Distinct().ToList();
/// </code>
/// </example>
public static partial class LogSource
{
    /// <summary>The records of every file matching <paramref name="glob"/>.</summary>
    /// <param name="glob">
    /// A file, or a glob: <c>**</c>, <c>*</c>, <c>?</c>, <c>[abc]</c> (see <see cref="Pipeline.LogPipeline.Find"/>).
    /// Compressed files (gzip, bzip2, xz, zstd) are read as they are.
    /// </param>
    /// <param name="options">The format, strictness, parallelism, cancellation and counters; the defaults when null.</param>
    /// <returns>
    /// A lazy query: nothing is read until it is enumerated or asked for a value. A glob that matches
    /// nothing, or a file that cannot be read, throws <see cref="Sources.LogSourceException"/> then.
    /// </returns>
    public static IQueryable<LogRecord> Open(string glob, LogSourceOptions? options = null) => Open([glob], options);

    /// <summary>
    /// Starts compiling the scan's per-line code on a background thread and returns at once. For a
    /// process about to scan (a command-line tool, at its start): its first scan then need not wait
    /// for the JIT. Calling it again, or never, changes nothing but when that code is compiled.
    /// </summary>
    public static void Prepare() => Execution.ScanWarmup.Start();

    /// <summary>The records of every file matching any of <paramref name="globs"/>, in glob order.</summary>
    /// <param name="globs">Files or globs, as for <see cref="Open(string, LogSourceOptions?)"/>; a file matched twice is read once.</param>
    /// <param name="options">The format, strictness, parallelism, cancellation and counters; the defaults when null.</param>
    /// <returns>A lazy query, as <see cref="Open(string, LogSourceOptions?)"/> returns.</returns>
    public static IQueryable<LogRecord> Open(IEnumerable<string> globs, LogSourceOptions? options = null)
    {
        var input = new ScanInput([.. globs], options ?? new LogSourceOptions());
        return new LogQuery<LogRecord>(new LogQueryProvider(input));
    }

    /// <summary>
    /// How <paramref name="query"/> would run: what is pushed down to the bytes, which fields are
    /// read, how the input is split between workers, which aggregates merge. Reads no log lines.
    /// </summary>
    /// <exception cref="ArgumentException">The query is not over a <see cref="LogSource"/>.</exception>
    public static string Explain<T>(this IQueryable<T> query) =>
        LogProvider(query) is { } provider
            ? provider.Explain(query.Expression)
            : throw new ArgumentException("Explain() needs a query over LogSource.Open(...)", nameof(query));

    /// <summary>
    /// How a query that ends in a single value (<c>Count</c>, <c>Sum</c>, <c>MaxBy</c>, ...) would run,
    /// without running it: <c>logs.Explain(q =&gt; q.Sum(r =&gt; r.Bytes))</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The source is not a <see cref="LogSource"/>.</exception>
    public static string Explain<T, TResult>(this IQueryable<T> source, Expression<Func<IQueryable<T>, TResult>> query)
    {
        if (LogProvider(source) is not { } provider)
        {
            throw new ArgumentException("Explain() needs a query over LogSource.Open(...)", nameof(source));
        }

        // Put the source's own expression where the lambda's parameter stood.
        Expression body = Planning.ExpressionFacts.Substitute(query.Body, query.Parameters[0], source.Expression);
        return provider.Explain(Planning.ExpressionFacts.WithoutFinalEnumerableCall(body, out _));
    }

    // A pipe query's rows (CompiledQuery.AsQueryable) are run by a provider that guards them, around the log source's.
    private static LogQueryProvider? LogProvider(IQueryable query) => query.Provider switch
    {
        LogQueryProvider logs => logs,
        Language.OverflowGuardedProvider { Inner: LogQueryProvider logs } => logs,
        _ => null,
    };
}

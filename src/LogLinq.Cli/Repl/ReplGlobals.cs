using LogLinq.Language;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Cli.Repl;

/// <summary>
/// What a REPL submission or a <c>.csx</c> script sees as globals: <c>logs</c>, <c>Logs(...)</c>,
/// <c>Query(...)</c>, <c>Show(...)</c>, <c>Params</c> and <c>Options</c>. Public because Roslyn
/// compiles scripts against it.
/// </summary>
public sealed class ReplGlobals
{
    private readonly IReadOnlyList<string> _globs;
    private readonly LogSourceOptions _options;
    private readonly SessionCancellation _cancellation;
    private readonly ValueDisplay _display;
    private readonly Func<string, PipeQueryContext, CompiledQuery> _compilePipeQuery;

    internal ReplGlobals(
        IReadOnlyList<string> globs,
        IReadOnlyDictionary<string, string> parameters,
        SessionCancellation cancellation,
        ValueDisplay display,
        Func<string, PipeQueryContext, CompiledQuery> compilePipeQuery)
    {
        _globs = globs;
        _options = new LogSourceOptions();
        _cancellation = cancellation;
        _display = display;
        _compilePipeQuery = compilePipeQuery;
        Params = parameters;
    }

    /// <summary>
    /// The records of the files named on the command line (by default <c>data/**/access-log*</c>),
    /// as a lazy query: nothing is read until it is displayed or a value is asked of it.
    /// </summary>
#pragma warning disable IDE1006 // lower case, as users type it: it reads as a variable, not a member
    public IQueryable<LogRecord> logs => LogSource.Open(_globs, Options);
#pragma warning restore IDE1006

    /// <summary>The <c>--set key=value</c> parameters given to the session or script.</summary>
    public IReadOnlyDictionary<string, string> Params { get; }

    /// <summary>
    /// How <c>logs</c> reads its files, with the token that Ctrl-C cancels; start from it to open
    /// other logs differently: <c>LogSource.Open("iis/*.log", Options with { Format = LogFormat.W3c })</c>.
    /// </summary>
    public LogSourceOptions Options => _options with { CancellationToken = _cancellation.Token };

    /// <summary>The records of other files: <c>Logs("data/www/foo/*.gz")</c>.</summary>
    /// <param name="globs">Globs naming the files: <c>**</c>, <c>*</c>, <c>?</c>, <c>[abc]</c>.</param>
    public IQueryable<LogRecord> Logs(params string[] globs)
    {
        ArgumentNullException.ThrowIfNull(globs);
        return globs.Length == 0
            ? throw new ArgumentException("Logs(...) needs at least one glob, such as \"data/access-log\"", nameof(globs))
            : LogSource.Open(globs, Options);
    }

    /// <summary>A pipe-language query over <c>logs</c>, as a lazy query that C# can go on with.</summary>
    /// <param name="text">The query, e.g. <c>where status == 404 | distinct path</c>.</param>
    public IQueryable<object?[]> Query(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        CompiledQuery query = _compilePipeQuery(text, new PipeQueryContext(_globs, Options, Params));
        IQueryable<object?[]> rows = query.AsQueryable();
        _display.NameColumns(rows, [.. query.Columns.Select(c => c.Name)]);
        return rows;
    }

    /// <summary>Prints <paramref name="value"/> as the REPL prints a result, with up to <paramref name="rows"/> rows.</summary>
    /// <param name="value">A value, record, tuple or sequence; a query runs now.</param>
    /// <param name="rows">How many rows of a sequence to print; the rest are counted.</param>
    public void Show(object? value, int rows = ValueDisplay.DefaultRows) =>
        _display.Write(Console.Out, value, rows, tupleNames: null, _cancellation.Token);
}

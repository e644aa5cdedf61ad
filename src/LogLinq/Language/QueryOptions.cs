using LogLinq.Query;

namespace LogLinq.Language;

/// <summary>How <see cref="QueryCompiler"/> compiles a query and what it reads.</summary>
public sealed record QueryOptions
{
    /// <summary>Options with the defaults: no parameters, the globs the query's <c>from</c> names.</summary>
    public QueryOptions()
    {
    }

    /// <summary>The values of the query's <c>$parameters</c>, by name without the <c>$</c>, as text.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The files read by a query without <c>from</c>; null to make <c>from</c> required.</summary>
    public IReadOnlyList<string>? DefaultGlobs { get; init; }

    /// <summary>When set, the files read instead of those the query's <c>from</c> names, to run a saved query on other logs.</summary>
    public IReadOnlyList<string>? Globs { get; init; }

    /// <summary>
    /// Accept values for parameters the query does not have, as when one set of values is given to
    /// several queries; otherwise such a value is an error, since a misspelt name would go unnoticed.
    /// <see cref="CompiledQuery.Parameters"/> says which a query used.
    /// </summary>
    public bool AllowUnusedParameters { get; init; }

    /// <summary>
    /// Opens what <c>from -</c> reads: the process's standard input by default. Null where standard
    /// input is not the queries' to read (a REPL reads its commands from it): <c>from -</c> is then an error.
    /// </summary>
    public Func<Stream>? StandardInput { get; init; } = Console.OpenStandardInput;

    /// <summary>
    /// The clock <c>now()</c> and <c>ago(d)</c> read: once, as the query is compiled, so every row of
    /// a run is measured against the same instant and <c>time &gt; ago(1h)</c> is a constant the scan
    /// compares on the raw bytes. The system's clock by default.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How the files are read. A <c>from ... as format</c> in the query overrides the format.</summary>
    public LogSourceOptions Source { get; init; } = new();
}

using LogLinq.Query;

namespace LogLinq.Cli.Repl;

/// <summary>What a pipe query compiled in a session needs from it: its files, how they are read, its parameters.</summary>
/// <param name="DefaultGlobs">The files a query without <c>from</c> reads: the session's <c>logs</c>.</param>
/// <param name="Source">How the files are read, with the token Ctrl-C cancels.</param>
/// <param name="Parameters">The session's <c>--set</c> values, for the query's <c>$parameters</c>.</param>
internal sealed record PipeQueryContext(
    IReadOnlyList<string> DefaultGlobs,
    LogSourceOptions Source,
    IReadOnlyDictionary<string, string> Parameters);

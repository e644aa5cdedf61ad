using LogLinq.Interchange;
using LogLinq.Query.Execution;
using LogLinq.Records;

namespace LogLinq.Query;

public static partial class LogSource
{
    /// <summary>
    /// The records of a stream instead of files: a LogLinq record stream (<see cref="RecordStreamWriter"/>,
    /// <c>loglinq query ... --emit records</c>), told by its magic bytes, or log text in
    /// <see cref="LogSourceOptions.Format"/> (detected from its first line by default), either of them
    /// compressed or not. Queries over it are planned as over files (the same pushdown and aggregates),
    /// but run on one worker, in order, since a stream cannot be cut into parts.
    /// </summary>
    /// <param name="input">The stream: standard input, a pipe from a process, a network stream. It is read once, from where it is; the query closes it when it has read it.</param>
    /// <param name="name">What to call the stream in errors, in <see cref="LogRecord.File"/> of records parsed from its text, and in <c>Explain()</c>.</param>
    /// <param name="options">The format, strictness, cancellation, report and counters; the defaults when null.</param>
    /// <returns>
    /// A lazy query: nothing is read until it is enumerated or asked for a value, and it can be run
    /// once (a second run throws <see cref="Sources.LogSourceException"/>: the stream was read). A
    /// record stream keeps each record's own <see cref="LogRecord.File"/> and <see cref="LogRecord.LineNumber"/>.
    /// </returns>
    /// <example>
    /// <code>
    /// long notFound = LogSource.Read(Console.OpenStandardInput(), "standard input").Count(r => r.Status == 404);
    /// </code>
    /// </example>
    public static IQueryable<LogRecord> Read(Stream input, string name = "stream", LogSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(name);
        return Read(new StreamInput(() => input, name), options);
    }

    /// <summary>The records of <paramref name="input"/>, opened when the query runs.</summary>
    internal static IQueryable<LogRecord> Read(StreamInput input, LogSourceOptions? options) =>
        new LogQuery<LogRecord>(new LogQueryProvider(new ScanInput(input, options ?? new LogSourceOptions())));
}

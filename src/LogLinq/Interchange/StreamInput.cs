using LogLinq.Sources;

namespace LogLinq.Interchange;

/// <summary>
/// A stream that a query reads instead of files: standard input for <c>from -</c>, or a stream given
/// to <c>LogSource.Read</c>. It is read once, from its start to its end; what it holds (a record
/// stream or log text, compressed or not) is told by its first bytes.
/// </summary>
internal sealed class StreamInput(Func<Stream> open, string name)
{
    private int _opened;

    /// <summary>What the stream is called in errors and in the plan: "standard input", or the caller's name.</summary>
    public string Name { get; } = name;

    /// <summary>Opens the stream, decompressed if it is compressed.</summary>
    /// <exception cref="LogSourceException">It was opened before: a stream cannot be read twice.</exception>
    public Stream Open(ReadCounters? counters)
    {
        if (Interlocked.Exchange(ref _opened, 1) != 0)
        {
            throw new LogSourceException($"{Name}: already read: a stream can be read by one query, once", Name);
        }

        return LogFileOpener.Open(open(), Name, counters);
    }
}

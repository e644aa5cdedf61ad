using LogLinq.Interchange;
using LogLinq.Sources;

namespace LogLinq.Query.Execution;

/// <summary>
/// What a query reads and how: the files its globs name, found lazily, or one stream read once
/// (standard input for <c>from -</c>); and the source's options.
/// </summary>
internal sealed class ScanInput
{
    public ScanInput(IReadOnlyList<string> globs, LogSourceOptions options)
    {
        Globs = globs;
        Options = options;
    }

    public ScanInput(StreamInput stream, LogSourceOptions options)
    {
        Globs = [];
        Stream = stream;
        Options = options;
    }

    public IReadOnlyList<string> Globs { get; }

    /// <summary>The stream read instead of files; null when the input is files.</summary>
    public StreamInput? Stream { get; }

    public LogSourceOptions Options { get; }

    /// <summary>The matching files, found when enumerated; none for a stream.</summary>
    public IEnumerable<string> Files => Stream is null ? GlobFinder.Find(Globs) : [];

    /// <summary>What is read, one after another: each file, or the stream.</summary>
    public IEnumerable<ScanSource> Sources => Stream is { } stream ? [new ScanSource(stream.Name, stream)] : Files.Select(f => new ScanSource(f, null));

    public override string ToString() => Stream?.Name ?? string.Join(", ", Globs.Select(g => $"\"{g}\""));
}

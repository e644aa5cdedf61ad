using LogLinq.Sources;

namespace LogLinq.Query.Execution;

/// <summary>The files a query reads and how: the globs, found lazily, and the source's options.</summary>
internal sealed class ScanInput(IReadOnlyList<string> globs, LogSourceOptions options)
{
    public IReadOnlyList<string> Globs { get; } = globs;

    public LogSourceOptions Options { get; } = options;

    /// <summary>The matching files, found when enumerated.</summary>
    public IEnumerable<string> Files => GlobFinder.Find(Globs);

    public override string ToString() => string.Join(", ", Globs.Select(g => $"\"{g}\""));
}

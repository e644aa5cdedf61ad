using LogLinq.Interchange;
using LogLinq.Sources;

namespace LogLinq.Query.Execution;

/// <summary>One file, or the stream, that a scan reads whole.</summary>
/// <param name="Name">The file's path, or the stream's name: what its records' <c>File</c> and its errors say.</param>
/// <param name="Stream">The stream, when it is not a file.</param>
internal readonly record struct ScanSource(string Name, StreamInput? Stream)
{
    /// <summary>Opens the content, decompressed.</summary>
    public Stream Open(ReadCounters? counters) => Stream?.Open(counters) ?? LogFileOpener.Open(Name, counters);
}

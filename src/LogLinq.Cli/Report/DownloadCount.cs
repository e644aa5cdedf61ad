namespace LogLinq.Cli.Report;

/// <summary>A path and how many requests for it succeeded.</summary>
/// <param name="Path">The requested path.</param>
/// <param name="Count">The number of 200 (OK) responses.</param>
internal readonly record struct DownloadCount(string Path, long Count);

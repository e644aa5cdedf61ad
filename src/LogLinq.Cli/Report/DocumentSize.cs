namespace LogLinq.Cli.Report;

/// <summary>A document and how many bytes one request for it sent.</summary>
/// <param name="Path">The requested path.</param>
/// <param name="Bytes">The size of the response body.</param>
internal readonly record struct DocumentSize(string Path, long Bytes);

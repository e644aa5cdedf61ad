namespace LogLinq.Pipeline;

/// <summary>A log file opened for reading, its content already decompressed.</summary>
/// <param name="Path">The path the file was found at.</param>
/// <param name="Content">The decompressed content; owned by the stage that opened it.</param>
public sealed record OpenedLog(string Path, Stream Content);

namespace LogLinq.Sources;

/// <summary>STUB — replaced by the sources branch.</summary>
public sealed class LogSourceException(string message, string? path = null, long? position = null) : Exception(message)
{
    /// <summary>stub</summary>
    public string? Path { get; } = path;

    /// <summary>stub</summary>
    public long? Position { get; } = position;
}

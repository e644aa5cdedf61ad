namespace LogLinq.Sources;

/// <summary>
/// A log source could not be found, opened or read: no file matches a glob, a file is missing or
/// unreadable, or its compressed data is corrupt or truncated. The message is meant for the user
/// as it is: one line, naming the glob or file. Only LogLinq throws it.
/// </summary>
public sealed class LogSourceException : Exception
{
    /// <summary>Creates an exception with a user-facing message.</summary>
    /// <param name="message">One line, naming the file or glob concerned.</param>
    /// <param name="path">The file, directory or glob concerned, if any.</param>
    /// <param name="position">How far reading got, in decompressed bytes, where known.</param>
    internal LogSourceException(string message, string? path = null, long? position = null)
        : this(message, path, position, innerException: null)
    {
    }

    /// <summary>Creates an exception with a user-facing message and the error that caused it.</summary>
    /// <param name="message">One line, naming the file or glob concerned.</param>
    /// <param name="path">The file, directory or glob concerned, if any.</param>
    /// <param name="position">How far reading got, in decompressed bytes, where known.</param>
    /// <param name="innerException">The underlying error, kept for diagnosis.</param>
    internal LogSourceException(string message, string? path, long? position, Exception? innerException)
        : base(message, innerException)
    {
        Path = path;
        Position = position;
    }

    /// <summary>The file, directory or glob concerned, if any.</summary>
    public string? Path { get; }

    /// <summary>
    /// How many decompressed bytes of the file were delivered before the error, where known: every
    /// byte before this position was read and handed to the caller.
    /// </summary>
    public long? Position { get; }
}

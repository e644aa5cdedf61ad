namespace LogLinq.Formats;

/// <summary>
/// A server's log format that cannot be read: a directive not known or not readable, or two with
/// nothing between them. An <see cref="ArgumentException"/> to the library's users; the query
/// compiler points at <see cref="Position"/> in the query's string.
/// </summary>
internal sealed class FormatDirectiveException : ArgumentException
{
    /// <param name="reason">What is wrong, naming the directive.</param>
    /// <param name="position">Where in the format, 0-based.</param>
    public FormatDirectiveException(string reason, int position)
        : base($"{reason} (at character {position + 1} of the format)", "logFormat")
    {
        Reason = reason;
        Position = position;
    }

    /// <summary>What is wrong, without where.</summary>
    public string Reason { get; }

    /// <summary>Where in the format, 0-based.</summary>
    public int Position { get; }
}

namespace LogLinq.Records;

/// <summary>A line that should have been a record and was not, and why.</summary>
/// <param name="File">The file it is in.</param>
/// <param name="LineNumber">Its 1-based line number.</param>
/// <param name="Reason">What was wrong, in words.</param>
public readonly record struct MalformedLine(string File, long LineNumber, string Reason)
{
    /// <summary><c>file:line: reason</c>, the shape compilers use, so editors can jump to it.</summary>
    public override string ToString() => $"{File}:{LineNumber}: {Reason}";
}

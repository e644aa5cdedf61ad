namespace LogLinq.Records;

/// <summary>Thrown in strict mode at the first malformed line.</summary>
public sealed class MalformedLogException(MalformedLine line)
    : Exception($"{line} (strict mode stops at the first malformed line)")
{
    /// <summary>The line that stopped the scan.</summary>
    public MalformedLine Line { get; } = line;
}

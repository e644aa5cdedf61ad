namespace LogLinq.Records;

/// <summary>Thrown in strict mode at the first malformed line. Only LogLinq throws it.</summary>
public sealed class MalformedLogException : Exception
{
    internal MalformedLogException(MalformedLine line)
        : base($"{line} (strict mode stops at the first malformed line)")
    {
        Line = line;
    }

    /// <summary>The line that stopped the scan.</summary>
    public MalformedLine Line { get; }
}

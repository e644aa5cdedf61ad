namespace LogLinq.Sources;

/// <summary>
/// Whole lines that a <see cref="LineReader"/> has buffered, each ending in <c>'\n'</c>, for a caller
/// that splits them itself: a view into the reader's buffer, valid until the reader moves on.
/// </summary>
internal readonly ref struct LineBlock
{
    public LineBlock(ReadOnlySpan<byte> lines, byte[] buffer, int start, long offset, long firstLineNumber)
    {
        Lines = lines;
        Buffer = buffer;
        Start = start;
        Offset = offset;
        FirstLineNumber = firstLineNumber;
    }

    /// <summary>The lines, with their terminators.</summary>
    public ReadOnlySpan<byte> Lines { get; }

    /// <summary>The buffer that holds the lines (a record that escapes copies from it).</summary>
    public byte[] Buffer { get; }

    /// <summary>Where in <see cref="Buffer"/> the lines start.</summary>
    public int Start { get; }

    /// <summary>The position in the stream of the first line.</summary>
    public long Offset { get; }

    /// <summary>The 1-based number of the first line.</summary>
    public long FirstLineNumber { get; }

    /// <summary>Whether there are no lines: the next one is not whole in the buffer, or the stream has ended.</summary>
    public bool IsEmpty => Lines.IsEmpty;
}

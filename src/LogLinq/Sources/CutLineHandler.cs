namespace LogLinq.Sources;

/// <summary>
/// Told of the text of a line that a run of zeros cut short (<see cref="LineReader.CutReason"/>),
/// which the reader passes over rather than returns; the text after the zeros is read as the line.
/// </summary>
/// <param name="number">The line's 1-based number, as <see cref="LineReader.LineNumber"/> counts it: the one the text after the zeros gets too.</param>
/// <param name="offset">The position in the stream of the line's first byte.</param>
internal delegate void CutLineHandler(long number, long offset);

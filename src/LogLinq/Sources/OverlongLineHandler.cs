namespace LogLinq.Sources;

/// <summary>
/// Told of a line longer than <see cref="LineReader.MaxLineLength"/>, which the reader passes over
/// rather than returns.
/// </summary>
/// <param name="number">The line's 1-based number, as <see cref="LineReader.LineNumber"/> counts it.</param>
/// <param name="offset">The position in the stream of the line's first byte.</param>
internal delegate void OverlongLineHandler(long number, long offset);

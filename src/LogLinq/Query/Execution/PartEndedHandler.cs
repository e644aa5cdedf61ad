namespace LogLinq.Query.Execution;

/// <summary>
/// Told by <see cref="ParallelScanner.RunParts"/> of a part's end: the state it was scanned into,
/// its scan (its counts, and the header in force at its end), how many lines it owned (counted from
/// its own start) and, if it failed, its failure.
/// </summary>
/// <returns>Whether it took the failure: the other parts then go on; otherwise the failure stops them.</returns>
internal delegate bool PartEndedHandler(int part, PartialAggregate state, FileScan scan, long lines, Exception? failure);

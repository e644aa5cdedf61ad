namespace LogLinq.Records;

/// <summary>A file a scan did not read as a log, or not to its end, and why.</summary>
/// <param name="File">The file.</param>
/// <param name="Reason">Why, in words: what the file is instead, or what stopped its reading.</param>
public readonly record struct SkippedFile(string File, string Reason)
{
    /// <summary><c>file: reason</c>.</summary>
    public override string ToString() => $"{File}: {Reason}";
}

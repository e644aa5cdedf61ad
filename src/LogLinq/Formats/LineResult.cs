namespace LogLinq.Formats;

/// <summary>What a line parser made of one line.</summary>
internal enum LineResult
{
    /// <summary>The line is a record.</summary>
    Record,

    /// <summary>The line carries no record and is not an error: a blank line, a comment, a header.</summary>
    Skipped,

    /// <summary>The line should have been a record and is not.</summary>
    Malformed,
}

namespace LogLinq.Cli.Query;

/// <summary>One run of a query, as the command line asked for it.</summary>
/// <param name="Text">The query.</param>
/// <param name="Origin">Where the query came from (a file), named in error messages; null for the command line.</param>
/// <param name="Parameters">The <c>--set</c> values.</param>
/// <param name="Globs">The <c>--from</c> globs, read instead of the query's own; empty for none.</param>
/// <param name="Format">How to print the result.</param>
/// <param name="Explain">Print how the query would run instead of running it.</param>
/// <param name="Strict">Stop at the first malformed line.</param>
internal sealed record QueryRun(
    string Text,
    string? Origin,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<string> Globs,
    ResultFormat Format,
    bool Explain,
    bool Strict)
{
    /// <summary>Follow the files as they grow (<c>--follow</c>).</summary>
    public bool Follow { get; init; }

    /// <summary>With <see cref="Follow"/>, read the files from their start (<c>--from-start</c>).</summary>
    public bool FromStart { get; init; }

    /// <summary>Write the query's records as a binary record stream (<c>--emit records</c>) instead of printing rows.</summary>
    public bool EmitRecords { get; init; }
}

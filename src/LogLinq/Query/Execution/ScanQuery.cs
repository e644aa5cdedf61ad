using LogLinq.Formats;
using LogLinq.Records;

namespace LogLinq.Query.Execution;

/// <summary>What every line of a scan is put through: the format, the pushed-down predicate, and where counts go.</summary>
internal sealed record ScanQuery(LogFormat Format, RowPredicate? Predicate, bool Strict, ParseReport? Report)
{
    /// <summary>Bytes every passing line contains, or null; used only on lines of the NCSA formats.</summary>
    public byte[]? RequiredLiteral { get; } = Predicate?.RequiredLiteral;

    /// <summary>Whether rows will read the request's method, path or protocol (or escape as records that may).</summary>
    public bool SplitsRequest { get; init; } = true;

    /// <summary>
    /// Whether a file whose bytes cannot all be read (a compressed file cut short or damaged) is read
    /// up to the damage, named in the report and passed over, rather than stop the scan
    /// (<see cref="Query.LogSourceOptions.SkipDamagedFiles"/>; never in strict mode).
    /// </summary>
    public bool SkipDamagedFiles { get; init; }
}

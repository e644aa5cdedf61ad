namespace LogLinq.Query;

/// <summary>How far a scan has got.</summary>
/// <param name="BytesRead">Bytes read from disk so far (compressed bytes for compressed files).</param>
/// <param name="TotalBytes">The size on disk of every file the scan will read.</param>
public readonly record struct ScanProgress(long BytesRead, long TotalBytes)
{
    /// <summary>The fraction done, from 0 to 1.</summary>
    public double Fraction => TotalBytes <= 0 ? 1 : Math.Min(1, (double)BytesRead / TotalBytes);
}

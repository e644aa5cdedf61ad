namespace LogLinq.Sources;

/// <summary>How a log file's content is compressed, as told by its first bytes.</summary>
internal enum Compression
{
    None,
    Gzip,
    Bzip2,
    Xz,
    Zstd,
}

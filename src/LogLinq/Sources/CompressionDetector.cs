namespace LogLinq.Sources;

/// <summary>STUB — replaced by the sources branch.</summary>
internal enum Compression
{
    None,
    Gzip,
    Bzip2,
    Xz,
    Zstd,
}

/// <summary>STUB — replaced by the sources branch.</summary>
internal static class CompressionDetector
{
    public static Compression Detect(ReadOnlySpan<byte> header) =>
        header.StartsWith(new byte[] { 0x1F, 0x8B }) ? Compression.Gzip
        : header.StartsWith("BZh"u8) ? Compression.Bzip2
        : header.StartsWith(new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00 }) ? Compression.Xz
        : header.StartsWith(new byte[] { 0x28, 0xB5, 0x2F, 0xFD }) ? Compression.Zstd
        : Compression.None;
}

namespace LogLinq.Sources;

/// <summary>How a log file's content is compressed, as told by its first bytes.</summary>
/// <remarks>
/// Also UTF-16 text, which is not compressed but has to be decoded the same way: into the UTF-8 that
/// lines are read in, before any line is found, by a decoder that can only start at the file's start.
/// </remarks>
internal enum Compression
{
    None,
    Gzip,
    Bzip2,
    Xz,
    Zstd,

    /// <summary>A zip archive, read as the contents of its files one after another (what IIS and hosting panels hand out).</summary>
    Zip,

    /// <summary>UTF-16, little-endian, after its byte order mark (what Windows PowerShell's <c>&gt;</c> writes).</summary>
    Utf16LittleEndian,

    /// <summary>UTF-16, big-endian, after its byte order mark.</summary>
    Utf16BigEndian,
}

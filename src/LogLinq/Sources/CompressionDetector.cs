using System.Buffers.Binary;

namespace LogLinq.Sources;

/// <summary>
/// Tells a file's compression from its magic bytes. Never from its name: rotated logs are
/// renamed freely (<c>access.log.1</c> may be gzip, <c>x.gz</c> may have been decompressed in place).
/// </summary>
internal static class CompressionDetector
{
    /// <summary>The longest magic number checked; read at least this many bytes when there are as many.</summary>
    public const int HeaderLength = 6;

    private static ReadOnlySpan<byte> GzipMagic => [0x1F, 0x8B];

    private static ReadOnlySpan<byte> Bzip2Magic => "BZh"u8;

    private static ReadOnlySpan<byte> XzMagic => [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00];

    // A local file header starts an archive with files; an end of central directory record is all
    // of an empty one.
    private static ReadOnlySpan<byte> ZipMagic => [(byte)'P', (byte)'K', 0x03, 0x04];

    private static ReadOnlySpan<byte> EmptyZipMagic => [(byte)'P', (byte)'K', 0x05, 0x06];

    private const uint ZstdFrameMagic = 0xFD2FB528;

    // Skippable frames use 16 magic numbers 0x184D2A50..0x184D2A5F; pzstd starts its output with one.
    private const uint ZstdSkippableMagicMask = 0xFFFFFFF0;
    private const uint ZstdSkippableMagic = 0x184D2A50;

    public static Compression Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(GzipMagic))
        {
            return Compression.Gzip;
        }

        // The digit after "BZh" is the block size; requiring it keeps a text file that happens to
        // start with "BZh" from being taken for bzip2.
        if (header.Length >= 4 && header.StartsWith(Bzip2Magic) && header[3] is >= (byte)'1' and <= (byte)'9')
        {
            return Compression.Bzip2;
        }

        if (header.StartsWith(XzMagic))
        {
            return Compression.Xz;
        }

        if (header.Length >= 4)
        {
            uint magic = BinaryPrimitives.ReadUInt32LittleEndian(header);
            if (magic == ZstdFrameMagic || (magic & ZstdSkippableMagicMask) == ZstdSkippableMagic)
            {
                return Compression.Zstd;
            }
        }

        if (header.StartsWith(ZipMagic) || header.StartsWith(EmptyZipMagic))
        {
            return Compression.Zip;
        }

        // A log copied by Windows PowerShell's ">" (or Out-File) is UTF-16 after a byte order mark:
        // neither byte starts a line of UTF-8 text.
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Compression.Utf16LittleEndian;
        }

        return header.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Compression.Utf16BigEndian : Compression.None;
    }
}

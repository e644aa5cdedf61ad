using System.Runtime.CompilerServices;
using System.Text;
using ZstdDecompressionStream = ZstdSharp.DecompressionStream;

namespace LogLinq.Sources;

/// <summary>
/// Opens a log file for reading its content, decompressing gzip, bzip2, xz and zstd files and
/// reading zip archives as the files in them, as told by their magic bytes, whatever their names.
/// </summary>
internal static class LogFileOpener
{
    // Enough to turn the small reads some decoders make (GZipStream: 8 KB; bzip2 and xz: much less)
    // into few system calls. Plain files get no such buffer: their reader's buffer is the only one.
    private const int CompressedBufferSize = 64 * 1024;

    /// <summary>
    /// Opens <paramref name="path"/> and returns a stream of its content, decompressed if its first
    /// bytes say it is gzip (all members), bzip2 (all streams), xz (all streams) or zstd (all frames),
    /// or the contents of the files in it, one after another, if they say it is a zip archive.
    /// </summary>
    /// <param name="path">The file to open.</param>
    /// <param name="counters">Where to count the file's opening, closing and raw bytes read, if anywhere.</param>
    /// <returns>
    /// A forward-only stream that owns the file: disposing it closes the file. Reading it throws
    /// <see cref="LogSourceException"/> if the data is corrupt or truncated, after delivering every
    /// byte that could be decoded before the damage.
    /// </returns>
    /// <exception cref="LogSourceException">The file does not exist, is a directory or cannot be read.</exception>
    public static Stream Open(string path, ReadCounters? counters = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FileStream file = OpenFile(path);
        Compression compression;
        try
        {
            compression = CompressionDetector.Detect(PeekHeader(file, path));
        }
        catch
        {
            file.Dispose();
            throw;
        }

        return new DecompressionGuardStream(path, compression, new CountingStream(file, counters));
    }

    /// <summary>
    /// The content of a stream that is not a file (standard input, a pipe): decompressed if its first
    /// bytes say it is compressed, as a file is, with its failures named after <paramref name="name"/>.
    /// </summary>
    /// <param name="stream">The stream, read from where it is; the result owns it.</param>
    /// <param name="name">What to call it in errors.</param>
    /// <param name="counters">Where to count it opened, closed and its bytes read, if anywhere.</param>
    public static Stream Open(Stream stream, string name, ReadCounters? counters = null)
    {
        var counted = new CountingStream(stream, counters);
        PrefixedStream peeked = PrefixedStream.Peek(counted, CompressionDetector.HeaderLength);
        return new DecompressionGuardStream(name, CompressionDetector.Detect(peeked.Prefix), peeked);
    }

    /// <summary>Wraps <paramref name="file"/>, positioned at its start, in the decoder for <paramref name="compression"/>.</summary>
    internal static Stream CreateDecoder(Compression compression, Stream file) => compression switch
    {
        Compression.Gzip => new VerifiedGZipStream(new BufferedStream(file, CompressedBufferSize)),
        Compression.Bzip2 => ConcatenatedStream.Bzip2(new BufferedStream(file, CompressedBufferSize)),
        Compression.Xz => ConcatenatedStream.Xz(new BufferedStream(file, CompressedBufferSize)),

        Compression.Zstd => Zstd(file),

        // The archive is read from its end (its directory) and then at each file: it is seekable
        // when it is a file; from a pipe, ZipArchive copies it into memory first.
        Compression.Zip => new ZipEntriesStream(new BufferedStream(file, CompressedBufferSize)),

        // The mark goes through as U+FEFF, which the UTF-8 lines lose as any byte order mark.
        Compression.Utf16LittleEndian => Encoding.CreateTranscodingStream(new BufferedStream(file, CompressedBufferSize), Encoding.Unicode, Encoding.UTF8),
        Compression.Utf16BigEndian => Encoding.CreateTranscodingStream(new BufferedStream(file, CompressedBufferSize), Encoding.BigEndianUnicode, Encoding.UTF8),
        _ => file,
    };

    /// <summary>
    /// ZstdSharp reads in 128 KB pieces of its own; checkEndOfStream makes a file that ends inside a
    /// frame an error instead of a quiet end. Out of line, so that its assembly is loaded only for
    /// a zstd file, not at every query's start.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Stream Zstd(Stream file) =>
        new ZstdDecompressionStream(file, bufferSize: 0, checkEndOfStream: true, leaveOpen: false);

    private static FileStream OpenFile(string path)
    {
        try
        {
            // bufferSize 1 turns FileStream's own buffer off: the caller's reader buffers, and a
            // second copy through another buffer would only cost time. FileShare.ReadWrite|Delete
            // lets the server keep writing, and logrotate rename, a log being read.
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.ReadWrite | FileShare.Delete,
                BufferSize = 1,
                Options = FileOptions.SequentialScan,
            });
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new LogSourceException($"{path}: no such file", path, null, e);
        }
        catch (UnauthorizedAccessException e)
        {
            // Opening a directory fails the same way as a file one may not read.
            string reason = Directory.Exists(path) ? "is a directory" : "permission denied";
            throw new LogSourceException($"{path}: {reason}", path, null, e);
        }
        catch (IOException e)
        {
            throw new LogSourceException($"{path}: cannot open: {e.Message}", path, null, e);
        }
    }

    /// <summary>
    /// Reads the first bytes of <paramref name="file"/> without moving its position: a positioned
    /// read, so the decoder still starts at byte 0 and the bytes are not counted twice.
    /// </summary>
    private static ReadOnlySpan<byte> PeekHeader(FileStream file, string path)
    {
        if (!file.CanSeek)
        {
            throw new LogSourceException($"{path}: not a regular file", path);
        }

        byte[] header = new byte[CompressionDetector.HeaderLength];
        int length = 0;
        try
        {
            while (length < header.Length)
            {
                int read = RandomAccess.Read(file.SafeFileHandle, header.AsSpan(length), length);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch (IOException e)
        {
            throw new LogSourceException($"{path}: read error: {e.Message}", path, 0, e);
        }

        return header.AsSpan(0, length);
    }
}

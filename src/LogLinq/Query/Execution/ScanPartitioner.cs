using LogLinq.Formats;
using LogLinq.Sources;

namespace LogLinq.Query.Execution;

/// <summary>
/// Cuts the input into parts for parallel workers: a compressed file is one part (a compressed
/// stream cannot be entered in the middle); a large plain file is cut into byte ranges, each big
/// enough that the cost of opening it is nothing, and small enough that the workers finish together.
/// </summary>
internal static class ScanPartitioner
{
    /// <summary>How many parts per worker a large file is cut into, so a slow part does not hold the others up.</summary>
    private const int PartsPerWorker = 4;

    public static List<ScanPart> Partition(IEnumerable<string> files, LogFormat format, int workers, bool allowSplit, long minPartSize)
    {
        var parts = new List<ScanPart>();
        foreach (string path in files)
        {
            long size = new FileInfo(path).Length;
            if (!allowSplit || workers < 2 || size < 2 * minPartSize || !IsPlain(path, format, out LogFormat? detected))
            {
                parts.Add(new ScanPart(path, 0, -1, null));
                continue;
            }

            long count = Math.Clamp(size / minPartSize, 2, workers * PartsPerWorker);
            long step = size / count;
            for (long i = 0; i < count; i++)
            {
                long start = i * step;
                long end = i == count - 1 ? size : start + step;
                parts.Add(new ScanPart(path, start, end, detected));
            }
        }

        return parts;
    }

    /// <summary>
    /// Whether the file is uncompressed log text (not a record stream, which is decoded whole), and its format, detected once from its first line so that a
    /// part starting mid-file need not guess.
    /// </summary>
    private static bool IsPlain(string path, LogFormat format, out LogFormat? detected)
    {
        detected = null;
        byte[] head = new byte[64 * 1024];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        ReadOnlySpan<byte> span = head.AsSpan(0, read);
        if (CompressionDetector.Detect(span) != Compression.None || Interchange.RecordStreamFormat.HasMagic(span))
        {
            return false;
        }

        if (format != LogFormat.Auto)
        {
            detected = format;
            return true;
        }

        // Headers (W3C's #Fields:) change the meaning of later lines: such files are read whole.
        while (!span.IsEmpty)
        {
            int newline = span.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = newline < 0 ? span : span[..newline];
            if (!line.TrimStart(" \t\r"u8).IsEmpty)
            {
                detected = AutoLogFormat.Detect(line.TrimEnd((byte)'\r'));
                return detected is CommonLogFormat || detected.Name == "json";
            }

            span = newline < 0 ? default : span[(newline + 1)..];
        }

        return false;
    }
}

using LogLinq.Formats;
using LogLinq.Sources;

namespace LogLinq.Query.Execution;

/// <summary>
/// Cuts the input into parts for parallel workers: a compressed file is one part (a compressed
/// stream cannot be entered in the middle); a large plain file is cut into byte ranges, each big
/// enough that the cost of opening it is nothing, and the last ones small enough that the workers
/// finish together.
/// </summary>
internal static class ScanPartitioner
{
    /// <summary>
    /// The smallest part is at least this share of the file per worker (or the least part size): a
    /// few small parts end the scan, a few too many would only cost the opening of each.
    /// </summary>
    private const int SmallestPartShare = 64;

    /// <summary>The parts of <paramref name="files"/>, in file order, for <paramref name="workers"/> workers.</summary>
    /// <param name="files">The files, in the order they are read.</param>
    /// <param name="format">The query's format (<c>auto</c> is detected from each file's first line).</param>
    /// <param name="workers">How many workers will take the parts.</param>
    /// <param name="allowSplit">Whether plain files may be cut into byte ranges.</param>
    /// <param name="minPartSize">The least part; a file under two of them is one part.</param>
    /// <param name="splitHeaded">
    /// Whether files whose header says what their lines hold (W3C, CSV) may be cut too: for a scan
    /// that checks each range's header (<see cref="ScanPart.ReadsHeadFirst"/>) before it takes the range's rows.
    /// </param>
    /// <param name="evenPartSize">
    /// When not 0, plain files are cut into parts of this size (the last a little bigger), for a stream
    /// whose rows are taken in order as parts end (<see cref="ParallelRecordStream"/>), rather than in
    /// the shares of <see cref="Guided"/>.
    /// </param>
    public static List<ScanPart> Partition(IEnumerable<string> files, LogFormat format, int workers, bool allowSplit, long minPartSize, bool splitHeaded = false, long evenPartSize = 0)
    {
        var parts = new List<ScanPart>();
        foreach (string path in files)
        {
            long size = FoundFileSize.Of(path);
            if (!allowSplit || workers < 2 || size < 2 * minPartSize || !IsPlain(path, format, splitHeaded, out LogFormat? detected))
            {
                parts.Add(new ScanPart(path, 0, -1, null));
                continue;
            }

            long start = 0;
            IEnumerable<long> lengths = evenPartSize > 0
                ? Even(size, evenPartSize)
                : Guided(size, workers, Math.Max(minPartSize, size / (workers * SmallestPartShare)), minPartSize);
            foreach (long length in lengths)
            {
                parts.Add(new ScanPart(path, start, start + length, detected));
                start += length;
            }
        }

        return parts;
    }

    /// <summary>
    /// The lengths of the parts of <paramref name="size"/> bytes, in file order: each a share of what
    /// is left (a half of it per worker), but not less than <paramref name="smallest"/>, and the last
    /// few about that. Big parts first, while every worker has plenty to do; small ones last, so the
    /// workers finish within a small part of each other however unevenly they went (a core the host
    /// gives to another process for a while), where equal parts left one worker alone with a whole
    /// one. Workers take the parts in this order (see <see cref="ParallelScanner"/>).
    /// </summary>
    internal static IEnumerable<long> Guided(long size, int workers, long smallest, long minPartSize)
    {
        long left = size;
        while (left > 0)
        {
            long length = left >= 2 * smallest ? Math.Max(smallest, left / (2 * workers))
                : left > smallest && left / 2 >= minPartSize ? left / 2
                : left;
            yield return length;
            left -= length;
        }
    }

    /// <summary>The lengths of parts of <paramref name="size"/> bytes, each <paramref name="length"/> but the last, which takes what is left over.</summary>
    internal static IEnumerable<long> Even(long size, long length)
    {
        long left = size;
        while (left >= 2 * length)
        {
            yield return length;
            left -= length;
        }

        yield return left;
    }

    /// <summary>
    /// Whether the file is uncompressed log text (not a record stream, which is decoded whole) that may
    /// be cut, and its format, detected once from its first lines so that a part starting mid-file need not guess.
    /// </summary>
    private static bool IsPlain(string path, LogFormat format, bool splitHeaded, out LogFormat? detected)
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
            return format.LinesStandAlone || splitHeaded;
        }

        // A server's error log is read whole, so that its one scan finds what it is and passes over it.
        detected = FormatDetector.Detect(span, wholeFile: read < head.Length, out ReadOnlySpan<byte> sample);
        return detected is not null && (detected.LinesStandAlone || splitHeaded) && ErrorLogLine.Kind(sample) is null;
    }
}

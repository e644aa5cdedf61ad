using Microsoft.Win32.SafeHandles;

namespace LogLinq.Sources;

/// <summary>
/// The lines at a file's head that say how to read the lines after them, for a file followed from
/// its end or a range of it scanned apart from its head: a W3C log's directives (<c>#Software:</c> ... <c>#Fields:</c>), a CSV log's header, or
/// else the first line, from which an automatic format is told (and a collector's prefix, or
/// Docker's JSON) as a scan of the whole file tells it. A parser given these first reads the lines
/// after them as it would have read them after the head (unless another header came between).
/// </summary>
internal static class FileHeadLines
{
    // Directives and headers are short: a head that does not fit is not looked at.
    private const int HeadSize = 64 * 1024;

    /// <summary>
    /// The leading run of <c>#</c> lines where the file starts with one, else its first line that is
    /// not blank, each with its line number; none where the head holds no whole line.
    /// </summary>
    /// <param name="handle">The file.</param>
    /// <param name="counters">Where the bytes read are counted, if anywhere.</param>
    public static List<(long Number, byte[] Bytes)> Read(SafeFileHandle handle, ReadCounters? counters = null)
    {
        var lines = new List<(long Number, byte[] Bytes)>();
        byte[] head = new byte[HeadSize];
        int read = RandomAccess.Read(handle, head, 0);
        counters?.AddBytes(read);
        ReadOnlySpan<byte> rest = head.AsSpan(0, read);
        long number = 0;
        while (rest.IndexOf((byte)'\n') is int newline and >= 0)
        {
            ReadOnlySpan<byte> line = rest[..newline].TrimEnd((byte)'\r');
            rest = rest[(newline + 1)..];
            number++;
            if (line.Trim(" \t"u8).IsEmpty && lines.Count == 0)
            {
                continue;
            }

            bool directive = Formats.Utf8Bom.Strip(line) is [(byte)'#', ..];
            if (lines.Count > 0 && !directive)
            {
                break;
            }

            lines.Add((number, line.ToArray()));
            if (!directive)
            {
                break;
            }
        }

        return lines;
    }
}

using LogLinq.Formats;
using LogLinq.Query.Execution;
using LogLinq.Sources;

namespace LogLinq.Benchmarks;

/// <summary>
/// The block scan of a sum of bytes (marking, splitting lines, parsing, adding up; with <c>split</c>,
/// splitting each request too) over the first 4 MB of a log held in memory, many times: CPU nanoseconds per line with no read, page cache or
/// disk in them, for comparing changes to the per-line code on a noisy machine.
/// </summary>
public static class BlockScanBenchmarks
{
    private const int Size = 4 << 20;
    private const int Passes = 100;

    /// <param name="file">The log.</param>
    /// <param name="splitRequest">Whether each request is split into method, path and protocol, as for a query that reads one.</param>
    public static string Quick(string file, bool splitRequest = false)
    {
        byte[] text = WholeLines(file);
        var scan = new FileScan(new ScanQuery(LogFormat.Common, null, false, null) { SplitsRequest = splitRequest }, file, LogFormat.Common);
        long lines = 0;
        long sum = 0;
        var samples = new List<double>();
        for (int round = 0; round < 12; round++)
        {
            TimeSpan before = ThreadCpu();
            long roundLines = 0;
            for (int pass = 0; pass < Passes; pass++)
            {
                for (int start = 0; start < text.Length;)
                {
                    // A block holds whole lines, as the reader hands them out.
                    int length = text.AsSpan(start, Math.Min(FileScan.BlockSize, text.Length - start)).LastIndexOf((byte)'\n') + 1;
                    var block = new LineBlock(text.AsSpan(start, length), text, start, start, 1);
                    var totals = new LineTotals();
                    (int bytes, int taken) = scan.ScanBlock(block, 2, ref totals, long.MaxValue);
                    start += bytes;
                    roundLines += taken;
                    sum += totals.Bytes;
                }
            }

            if (round >= 2)
            {
                samples.Add((ThreadCpu() - before).TotalNanoseconds / roundLines);
            }

            lines = roundLines;
        }

        samples.Sort();
        return $"blocks: {samples[samples.Count / 2]:F2} ns/line (thread CPU, median of {samples.Count}; min {samples[0]:F2}; {lines / Passes} lines; sum {sum})";
    }

    // The file's first whole lines up to Size bytes: a block ends at a newline.
    private static byte[] WholeLines(string file)
    {
        using FileStream stream = File.OpenRead(file);
        byte[] head = new byte[Size];
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        int end = head.AsSpan(0, read).LastIndexOf((byte)'\n') + 1;
        return head[..end];
    }

    // This thread's CPU time to the nanosecond (the process's, from /proc, counts in 10 ms ticks).
    private static TimeSpan ThreadCpu()
    {
        _ = ClockGetTime(ThreadCpuClock, out Timespec now);
        return TimeSpan.FromTicks((now.Seconds * TimeSpan.TicksPerSecond) + (now.Nanoseconds / 100));
    }

    private const int ThreadCpuClock = 3;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    private readonly struct Timespec
    {
        public readonly long Seconds;
        public readonly long Nanoseconds;
    }
}

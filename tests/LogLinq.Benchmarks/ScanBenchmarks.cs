using LogLinq.Query;

namespace LogLinq.Benchmarks;

/// <summary>
/// A tutorial question on one worker, repeated: CPU nanoseconds per line of the whole scan (reading,
/// splitting, parsing, aggregating), steadier on a shared machine than wall time of a parallel run.
/// </summary>
public static class ScanBenchmarks
{
    public static string Quick(string name, string file)
    {
        long lines = CountLines(file);
        var options = new LogSourceOptions { MaxDegreeOfParallelism = 1 };
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var samples = new List<double>();
        for (int i = 0; i < 8; i++)
        {
            process.Refresh();
            TimeSpan before = process.TotalProcessorTime;
            TutorialQueries.Run(name, [file], options);
            process.Refresh();
            if (i >= 2)
            {
                samples.Add((process.TotalProcessorTime - before).TotalNanoseconds / lines);
            }
        }

        string all = string.Join(' ', samples.Select(s => s.ToString("F0")));
        samples.Sort();
        return $"{name}: {samples[samples.Count / 2]:F1} ns/line (CPU, median of {samples.Count}; min {samples[0]:F1}; in order {all}; gen0 GCs {GC.CollectionCount(0)})";
    }

    private static long CountLines(string file)
    {
        using FileStream stream = File.OpenRead(file);
        byte[] buffer = new byte[1 << 20];
        long lines = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }
}

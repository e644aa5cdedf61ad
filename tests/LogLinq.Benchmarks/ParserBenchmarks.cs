using BenchmarkDotNet.Attributes;
using LogLinq.Formats;

namespace LogLinq.Benchmarks;

/// <summary>The NCSA parser on the sample log's lines, in memory: ns per line.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private byte[][] _lines = [];

    [GlobalSetup]
    public void Setup()
    {
        string path = Path.Combine(RepoRoot(), "data", "access-log");
        _lines = [.. File.ReadAllLines(path).Select(System.Text.Encoding.UTF8.GetBytes)];
    }

    [Benchmark(OperationsPerInvoke = 7298)]
    public long ParseAll()
    {
        long sum = 0;
        CommonLogFields fields = default;
        foreach (byte[] line in _lines)
        {
            if (CommonLogParser.TryParseInto(line, ref fields, requireCombined: false, splitRequest: false, out _))
            {
                sum += fields.Bytes;
            }
        }

        return sum;
    }

    /// <summary>Times <see cref="ParseAll"/> by hand, for a quick look without BenchmarkDotNet's minute.</summary>
    public static string Quick()
    {
        var bench = new ParserBenchmarks();
        bench.Setup();
        for (int i = 0; i < 50; i++)
        {
            bench.ParseAll();
        }

        // CPU time of this thread, not wall time: the machine is shared, and waiting is not parsing.
        var process = System.Diagnostics.Process.GetCurrentProcess();
        TimeSpan before = process.TotalProcessorTime;
        int rounds = int.TryParse(Environment.GetEnvironmentVariable("PARSE_ROUNDS"), out int r) ? r : 400;
        for (int i = 0; i < rounds; i++)
        {
            bench.ParseAll();
        }

        process.Refresh();
        return $"{(process.TotalProcessorTime - before).TotalNanoseconds / (rounds * bench._lines.Length):F1} ns/line (CPU)";
    }

    /// <summary>The repository, above the program (a build) or the working directory (a published copy run from the repository).</summary>
    internal static string RepoRoot() =>
        Above(AppContext.BaseDirectory) ?? Above(Environment.CurrentDirectory)
            ?? throw new InvalidOperationException("run from inside the repository");

    private static string? Above(string? dir)
    {
        while (dir is not null && !File.Exists(Path.Combine(dir, "LogLinq.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir;
    }
}

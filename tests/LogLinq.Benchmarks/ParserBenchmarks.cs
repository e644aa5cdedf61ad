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
        foreach (byte[] line in _lines)
        {
            if (CommonLogParser.TryParse(line, out CommonLogFields fields, out _))
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

        var clock = System.Diagnostics.Stopwatch.StartNew();
        const int Rounds = 400;
        for (int i = 0; i < Rounds; i++)
        {
            bench.ParseAll();
        }

        return $"{clock.Elapsed.TotalNanoseconds / (Rounds * bench._lines.Length):F1} ns/line";
    }

    internal static string RepoRoot()
    {
        string dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "LogLinq.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("run from inside the repository");
        }

        return dir;
    }
}

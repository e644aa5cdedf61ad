using BenchmarkDotNet.Attributes;
using LogLinq.Interchange;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Benchmarks;

/// <summary>The binary record stream in memory: ns and bytes allocated per record, written and read.</summary>
[MemoryDiagnoser]
public class RecordStreamBenchmarks
{
    private const int Records = 7298;

    private LogRecord[] _records = [];
    private byte[] _stream = [];
    private MemoryStream _output = new();

    [GlobalSetup]
    public void Setup()
    {
        // Records as a scan hands them out: parsed from NCSA lines, each owning its line's bytes.
        _records = [.. LogSource.Open(Path.Combine(ParserBenchmarks.RepoRoot(), "data", "access-log"))];
        _output = new MemoryStream(1 << 20);
        Write();
        _stream = _output.ToArray();
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public long Write()
    {
        _output.Position = 0;
        var writer = new RecordStreamWriter(_output, leaveOpen: true);
        foreach (LogRecord record in _records)
        {
            writer.Write(record);
        }

        writer.Complete();
        return _output.Position;
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public long Read()
    {
        long sum = 0;
        foreach (LogRecord record in RecordStreamReader.Read(new MemoryStream(_stream, writable: false)))
        {
            sum += record.Bytes;
        }

        return sum;
    }

    /// <summary>Times both by hand, for a quick look without BenchmarkDotNet's minute: CPU ns per record and bytes per record.</summary>
    public static string Quick()
    {
        var bench = new RecordStreamBenchmarks();
        bench.Setup();
        int rounds = int.TryParse(Environment.GetEnvironmentVariable("RECORD_ROUNDS"), out int r) ? r : 200;
        return $"write {Time(bench.Write, rounds):F1} ns/record, read {Time(() => bench.Read(), rounds):F1} ns/record (CPU); {(double)bench._stream.Length / Records:F1} bytes/record";
    }

    private static double Time(Func<long> run, int rounds)
    {
        for (int i = 0; i < 20; i++)
        {
            run();
        }

        var process = System.Diagnostics.Process.GetCurrentProcess();
        TimeSpan before = process.TotalProcessorTime;
        for (int i = 0; i < rounds; i++)
        {
            run();
        }

        process.Refresh();
        return (process.TotalProcessorTime - before).TotalNanoseconds / ((double)rounds * Records);
    }
}

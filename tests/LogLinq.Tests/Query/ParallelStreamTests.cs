using System.IO.Compression;
using LogLinq.Formats;
using LogLinq.Language;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Tests.Query;

/// <summary>
/// A stream whose only operator is a <c>select</c> of fields, over enough input, is read by several
/// workers in small parts (the least part size is made small here, so the sample logs are many parts)
/// and handed out in file order: the rows are those LINQ to Objects makes from the sequential
/// pipeline's records; stopping early cancels the workers; a damaged file fails where it stands.
/// (The rows are the query language's: each cell a field boxed, <c>(object)r.Host</c>, which
/// <see cref="LogLinq.Query.Planning.PlainDelegates"/> reads without compiling.)
/// </summary>
public sealed class ParallelStreamTests : IDisposable
{
    private const long SmallParts = 64 * 1024;

    private static readonly string Rotated = Path.Combine(TestPaths.Data, "www", "**", "access-log*").Replace('\\', '/');

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<LogRecord> Sequential(params string[] globs) => LogPipeline.Find(globs).Open().Cat().Parse(LogFormat.Common).ToList();

    private static IQueryable<LogRecord> Parallel(string glob, ReadCounters? counters = null, ParseReport? report = null) =>
        LogSource.Open(glob, new LogSourceOptions { MaxDegreeOfParallelism = 2, MinPartSize = SmallParts, Counters = counters, Report = report });

    [Fact]
    public void Rows_come_in_file_order_as_the_sequential_pipeline_reads_them()
    {
        IQueryable<object[]> rows = Parallel(Rotated).Where(r => r.Status == 404 || r.Bytes > 100_000).Select(r => new object[] { (object)r.Host, (object)r.Path, r.Time, r.Bytes, (object)r.File });

        List<object[]> taken = [.. rows];
        List<object[]> expected = [.. Sequential(Rotated).Where(r => r.Status == 404 || r.Bytes > 100_000).Select(r => new object[] { r.Host, r.Path, r.Time, r.Bytes, r.File })];

        rows.Explain().Should().Contain("parallel, 2 worker(s) make the rows, handed out in file order")
            .And.Contain("then:       Select, on the workers");
        taken.Should().HaveCount(expected.Count).And.HaveCountGreaterThan(2000);
        taken.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Every_line_of_a_file_cut_into_parts_is_a_row_once_with_its_line_number()
    {
        // Line numbers are read: each file is one part (the workers share the files, not a file).
        string big = _dir.Write("big-log", string.Concat(Enumerable.Repeat(File.ReadAllText(Path.Combine(TestPaths.Data, "access-log")), 3)));
        var report = new ParseReport();

        List<(long, string)> withLines = [.. Parallel(big, report: report).Select(r => new object[] { r.LineNumber, (object)r.Path }).AsEnumerable().Select(r => ((long)r[0], (string)r[1]))];
        List<string> paths = [.. Parallel(big).Select(r => new object[] { (object)r.Path }).AsEnumerable().Select(r => (string)r[0])];

        List<LogRecord> expected = Sequential(big);
        withLines.Should().Equal(expected.Select(r => (r.LineNumber, r.Path)));
        paths.Should().Equal(expected.Select(r => r.Path));
        report.Records.Should().Be(expected.Count);
        Parallel(big).Select(r => new object[] { (object)r.Path }).Explain().Should().Contain("parallel");
    }

    [Fact]
    public void Malformed_lines_are_counted_and_named_as_the_sequential_scan_names_them()
    {
        string[] lines = [.. File.ReadLines(Path.Combine(TestPaths.Data, "access-log"))];
        lines[100] = "not a log line";
        lines[5000] = lines[5000][..40];
        string path = _dir.WriteLines("damaged-lines", [.. lines, .. lines]);
        var report = new ParseReport();

        List<object[]> hosts = [.. Parallel(path, report: report).Select(r => new object[] { (object)r.Host })];

        hosts.Should().HaveCount((2 * lines.Length) - 4);
        report.Malformed.Should().Be(4);
        report.Samples.Select(s => s.LineNumber).Should().Equal(101L, 5001L, lines.Length + 101L, lines.Length + 5001L);
    }

    [Fact]
    public void Stopping_early_cancels_the_workers_and_closes_every_file()
    {
        string big = _dir.Write("big-log", string.Concat(Enumerable.Repeat(File.ReadAllText(Path.Combine(TestPaths.Data, "access-log")), 40)));
        long size = new FileInfo(big).Length;
        var counters = new ReadCounters();

        using (IEnumerator<object[]> rows = Parallel(big, counters).Select(r => new object[] { (object)r.Path }).GetEnumerator())
        {
            for (int i = 0; i < 10 && rows.MoveNext(); i++)
            {
            }
        }

        // The first part (4 least parts: 256 KiB) and at most 4 parts ahead of it: a fraction of the file.
        long read = counters.BytesRead;
        read.Should().BeLessThan(size / 4);
        counters.FilesClosed.Should().Be(counters.FilesOpened);
        Thread.Sleep(100);
        counters.BytesRead.Should().Be(read, "no worker reads on after the enumeration is disposed");
    }

    [Fact]
    public void A_damaged_archive_fails_after_the_rows_before_it()
    {
        string dir = _dir.File("logs");
        Directory.CreateDirectory(dir);
        string text = File.ReadAllText(Path.Combine(TestPaths.Data, "access-log"));
        File.WriteAllText(Path.Combine(dir, "a-log"), text);
        byte[] gz = Gzip(text);
        File.WriteAllBytes(Path.Combine(dir, "b-log.gz"), gz[..(gz.Length / 2)]);
        File.WriteAllText(Path.Combine(dir, "c-log"), text);
        var rows = new List<string>();

        Action run = () =>
        {
            foreach (object[] row in Parallel(Path.Combine(dir, "*-log*")).Select(r => new object[] { (object)r.Path }))
            {
                rows.Add((string)row[0]);
            }
        };

        run.Should().Throw<Exception>().Where(e => e.Message.Contains("b-log.gz"));
        int whole = File.ReadLines(Path.Combine(dir, "a-log")).Count();
        rows.Count.Should().BeGreaterThanOrEqualTo(whole, "every row of the file before the damaged one comes first");
        rows.Take(whole).Should().Equal(Sequential(Path.Combine(dir, "a-log")).Select(r => r.Path));
    }

    [Fact]
    public void The_query_language_exports_the_same_rows_in_parallel()
    {
        string glob = Rotated;
        CompiledQuery parallel = QueryCompiler.Compile(
            $"from \"{glob}\" | where path contains \".pdf\" | select host, time, path, bytes",
            new QueryOptions { Source = new LogSourceOptions { MaxDegreeOfParallelism = 2, MinPartSize = SmallParts } });

        List<object?[]> rows = [.. parallel.Execute().Rows];

        parallel.Explain().Should().Contain("handed out in file order");
        rows.Should().BeEquivalentTo(
            Sequential(glob).Where(r => r.Path.Contains(".pdf", StringComparison.Ordinal)).Select(r => new object?[] { r.Host, r.Time, r.Path, r.Bytes }),
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_projection_of_fields_in_csharp_runs_in_parallel_too_and_anything_else_in_order_on_the_caller()
    {
        IQueryable<LogRecord> logs = Parallel(Rotated);
        List<LogRecord> expected = Sequential(Rotated);

        var anonymous = logs.Where(r => r.Status == 404).Select(r => new { r.Host, r.Time, Size = r.Bytes, Kind = "404" });
        var tuples = logs.Select(r => new ValueTuple<string, int>(r.Path, r.Status));
        IQueryable<string> paths = logs.Select(r => r.Path);
        var calls = new List<string>();
        IQueryable<string> withCode = logs.Select(r => Remember(calls, r.Path));

        anonymous.Explain().Should().Contain("handed out in file order");
        tuples.Explain().Should().Contain("handed out in file order");
        paths.Explain().Should().Contain("handed out in file order").And.Contain("no copy of the line");
        withCode.Explain().Should().Contain("sequential and lazy").And.NotContain("no copy of the line");
        anonymous.ToList().Should().Equal(expected.Where(r => r.Status == 404).Select(r => new { r.Host, r.Time, Size = r.Bytes, Kind = "404" }));
        tuples.ToList().Should().Equal(expected.Select(r => (r.Path, r.Status)));
        paths.ToList().Should().Equal(expected.Select(r => r.Path));
        withCode.ToList().Should().Equal(expected.Select(r => r.Path));
        calls.Should().Equal(expected.Select(r => r.Path), "code of the caller's own runs on the caller's thread, once a record, in order");
    }

    private static string Remember(List<string> calls, string path)
    {
        calls.Add(path);
        return path;
    }

    private static byte[] Gzip(string text)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }

        return memory.ToArray();
    }
}

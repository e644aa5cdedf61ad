using System.Globalization;
using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Query.Execution;
using LogLinq.Records;
using Xunit.Abstractions;

namespace LogLinq.Tests.Differential;

/// <summary>
/// The logs the differential tests run on: the repository's data/access-log, a generated log of 100k
/// lines, and two files read as one source (a generated 20k-line log, then data/access-log); the
/// generated files are written once for the class into a temporary directory, deleted after.
/// </summary>
/// <remarks>
/// To explore beyond the fixed seeds: LOGLINQ_DIFF_SEED=n replaces every query seed, and
/// LOGLINQ_DIFF_QUERIES=n runs n queries in every configuration.
/// </remarks>
public sealed class DifferentialFixture : IDisposable
{
    /// <summary>The seed of the generated log.</summary>
    public const int LogSeed = 20080224;

    /// <summary>The seeds of the generated queries (LOGLINQ_DIFF_SEED replaces them).</summary>
    public const int AccessLogQuerySeed = 1729;

    public const int GeneratedLogQuerySeed = 4104;

    public const int MultiFileQuerySeed = 65537;

    public const int JsonQuerySeed = 8128;

    public const int JsonLines = 30_000;

    public const int GeneratedLines = 100_000;

    private readonly string _dir = Directory.CreateTempSubdirectory("loglinq-diff-").FullName;

    public DifferentialFixture()
    {
        int? seed = int.TryParse(Environment.GetEnvironmentVariable("LOGLINQ_DIFF_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int s) ? s : null;
        int count = QueryOverride ?? 0;

        string accessLog = Path.Combine(RepoRoot, "data", "access-log");
        AccessLog = new LogUnderTest("data/access-log", [accessLog], Load(accessLog), seed ?? AccessLogQuerySeed, count > 0 ? count : 600);

        string generated = Path.Combine(_dir, "generated-access-log");
        LogGenerator.Write(generated, new LogGeneratorOptions(GeneratedLines, LogSeed));
        Generated = new LogUnderTest($"generated ({GeneratedLines} lines, log seed {LogSeed})", [generated], Load(generated), seed ?? GeneratedLogQuerySeed, count > 0 ? count : 130);

        // Two files read as one source: line numbers restart and parts merge across the file boundary.
        string small = Path.Combine(_dir, "small-access-log");
        LogGenerator.Write(small, new LogGeneratorOptions(20_000, LogSeed + 1, MalformedRate: 0.02));
        MultiFiles = [small, accessLog];
        MultiFile = new LogUnderTest("two files (generated 20000 lines + data/access-log)", MultiFiles, LoadAll(MultiFiles), seed ?? MultiFileQuerySeed, count > 0 ? count : 100);

        // nginx's JSON lines with request_time: durations, and lines without one.
        string json = Path.Combine(_dir, "generated-access.json");
        LogGenerator.WriteJson(json, new LogGeneratorOptions(JsonLines, LogSeed + 2));
        Json = new LogUnderTest($"generated JSON lines ({JsonLines} lines, log seed {LogSeed + 2})", [json], Load(json), seed ?? JsonQuerySeed, count > 0 ? count : 150);
    }

    public static string RepoRoot { get; } = TestPaths.RepoRoot;

    /// <summary>LOGLINQ_DIFF_QUERIES: how many queries every configuration runs, instead of its own number.</summary>
    internal static int? QueryOverride { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("LOGLINQ_DIFF_QUERIES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : null;

    internal LogUnderTest AccessLog { get; }

    internal LogUnderTest Generated { get; }

    internal LogUnderTest MultiFile { get; }

    internal LogUnderTest Json { get; }

    internal string[] MultiFiles { get; }

    internal LogUnderTest this[string name] => name switch
    {
        "access-log" => AccessLog,
        "generated" => Generated,
        "json" => Json,
        _ => MultiFile,
    };

    /// <summary>The reference: the sequential pipeline, record by record.</summary>
    internal static List<LogRecord> Load(string file, ParseReport? report = null) => LoadAll([file], report);

    internal static List<LogRecord> LoadAll(string[] files, ParseReport? report = null) =>
        files.Open().Cat().Parse(LogFormat.Auto, report).ToList();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

}

/// <summary>
/// Differential tests of the query provider: many generated queries run on <see cref="LogSource"/>
/// (parallel with the files split into small ranges, and sequential) and on LINQ to Objects over the
/// records the sequential pipeline reads; the outcomes (values, or exception types) must be the same,
/// down to the file, line number and every field of each record returned.
/// </summary>
[Collection(DifferentialCollection.Name)]
public sealed class ProviderDifferentialTests(DifferentialFixture fixture, ITestOutputHelper output) : IClassFixture<DifferentialFixture>
{
    /// <summary>Small parts, so that files of a few hundred kilobytes are cut into several ranges.</summary>
    internal static readonly LogSourceOptions Split = new() { MaxDegreeOfParallelism = 2, MinPartSize = 64 * 1024 };

    internal static readonly LogSourceOptions Sequential = new() { MaxDegreeOfParallelism = 1, MinPartSize = 64 * 1024 };

    /// <summary>
    /// The generated queries of a log, the first <paramref name="limit"/> of them. The large log runs
    /// fewer sequentially: with one worker nothing is split, and data/access-log covers that path.
    /// </summary>
    [Theory]
    [InlineData("access-log", 2, 600)]
    [InlineData("access-log", 1, 400)]
    [InlineData("generated", 2, 130)]
    [InlineData("generated", 1, 30)]
    [InlineData("two-files", 2, 100)]
    [InlineData("json", 2, 150)]
    [InlineData("json", 1, 40)]
    public void Generated_queries_give_what_linq_to_objects_gives(string log, int workers, int limit)
    {
        LogUnderTest subject = fixture[log];
        LogSourceOptions options = workers == 1 ? Sequential : Split;
        limit = DifferentialFixture.QueryOverride ?? limit;
        output.WriteLine($"{subject.Name}: {Math.Min(limit, subject.Queries.Count)} queries, query seed {subject.QuerySeed} (LOGLINQ_DIFF_SEED overrides), {workers} worker(s)");
        TimeSpan reference = DifferentialRunner.Time(() => _ = subject.Expected);
        List<string> failures = [];
        TimeSpan provider = DifferentialRunner.Time(() => failures = DifferentialRunner.Run(subject, subject.Files, options, limit));
        output.WriteLine($"reference {reference.TotalSeconds:0.0} s, provider {provider.TotalSeconds:0.0} s");
        foreach (string failure in failures)
        {
            output.WriteLine(failure);
        }

        if (failures.Count > 0)
        {
            Assert.Fail($"The provider must answer as LINQ to Objects does (query seed {subject.QuerySeed}):\n{string.Join("\n", failures)}");
        }
    }

    [Theory]
    [InlineData("access-log")]
    [InlineData("generated")]
    [InlineData("two-files")]
    [InlineData("json")]
    public void The_files_are_really_split_into_ranges(string log)
    {
        LogUnderTest subject = fixture[log];
        List<ScanPart> parts = ScanPartitioner.Partition(subject.Files, LogFormat.Auto, 2, allowSplit: true, Split.MinPartSize);
        parts.Should().HaveCountGreaterThan(2 * subject.Files.Count).And.OnlyContain(p => !p.IsWholeFile);
        LogSource.Open(subject.Files, Split).OrderByDescending(r => r.Bytes).Take(3).Explain()
            .Should().Contain("cut into newline-aligned ranges");
    }

    /// <summary>
    /// Every record of a split file, through a top-k whose key ties everywhere (so it keeps them all,
    /// in file order): each must have the file and line number the sequential pipeline gives it, and
    /// the same fields. Line numbers in a split file are only known after the scan.
    /// </summary>
    [Theory]
    [InlineData("access-log")]
    [InlineData("generated")]
    [InlineData("two-files")]
    [InlineData("json")]
    public void Every_record_of_a_split_file_has_its_file_and_line_number(string log)
    {
        LogUnderTest subject = fixture[log];
        IQueryable<LogRecord> logs = LogSource.Open(subject.Files, Split);
        AssertAllRecords(logs, subject.Records, subject.Name);

        // The same through MaxBy/MinBy and a top-k of records from every part.
        Outcome.Render(logs.MaxBy(r => r.Bytes)).Should().Be(Outcome.Render(subject.Records.MaxBy(r => r.Bytes)));
        Outcome.Render(logs.MinBy(r => r.Time)).Should().Be(Outcome.Render(subject.Records.MinBy(r => r.Time)));
        Outcome.Render(logs.Where(r => r.Status == 404).OrderByDescending(r => r.Time).Take(500).ToList())
            .Should().Be(Outcome.Render(subject.Records.Where(r => r.Status == 404).OrderByDescending(r => r.Time).Take(500).ToList()));
    }

    /// <summary>
    /// Records handed out by a scan own their bytes: other scans reuse the reader's buffers, and the
    /// records' fields, read only afterwards, must not change.
    /// </summary>
    [Fact]
    public void Records_stay_intact_after_the_scan_and_later_scans()
    {
        LogUnderTest subject = fixture.Generated;
        IQueryable<LogRecord> logs = LogSource.Open(subject.File, Split);
        IQueryable<LogRecord> objects = subject.Records.AsQueryable();
        Func<IQueryable<LogRecord>, object?>[] queries =
        [
            q => q.OrderByDescending(r => r.Bytes).Take(2000).ToList(),
            q => q.OrderBy(r => r.Path).ThenBy(r => r.Host).Take(300).ToList(),
            q => q.Where(r => r.UserAgent != null && r.UserAgent.Contains("bot")).Take(3000).ToList(),
            q => q.Skip(50_000).Take(2000).ToList(),
            q => q.MaxBy(r => r.Time),
            q => q.First(r => r.Path.EndsWith(".pdf")),
        ];

        // Hold the records, not their text: the text is read after everything else has run.
        object?[] held = [.. queries.Select(q => q(logs))];
        for (int i = 0; i < 3; i++)
        {
            _ = logs.Select(r => r.Path).Distinct().Count();
            _ = logs.Where(r => r.Path.ToLowerInvariant().Contains('a')).Take(20_000).ToList();
            _ = logs.GroupBy(r => r.Host).Select(g => new { g.Key, N = g.Count() }).ToList();
        }

        GC.Collect();
        for (int i = 0; i < queries.Length; i++)
        {
            Outcome.Render(held[i]).Should().Be(Outcome.Render(queries[i](objects)), $"query {i}");
        }
    }

    [Theory]
    [InlineData("access-log")]
    [InlineData("generated")]
    [InlineData("two-files")]
    public void The_parse_report_of_a_split_count_is_the_pipelines(string log)
    {
        LogUnderTest subject = fixture[log];
        AssertSameReport(subject.Files, options => LogSource.Open(subject.Files, options).Count());
    }

    /// <summary>
    /// Malformed lines only in the later parts of a split file: their sample line numbers are counted
    /// from the start of a part during the scan, and must come out as the file's own.
    /// </summary>
    [Fact]
    public void The_malformed_samples_of_later_parts_have_their_real_line_numbers()
    {
        string dir = Directory.CreateTempSubdirectory("loglinq-report-").FullName;
        try
        {
            string file = Path.Combine(dir, "late-malformed-log");
            LogGenerator.Write(file, new LogGeneratorOptions(20_000, 77, MalformedRate: 0.002, MalformedFrom: 14_000));
            ScanPartitioner.Partition([file], LogFormat.Auto, 2, allowSplit: true, Split.MinPartSize).Should().HaveCountGreaterThan(4);
            ParseReport expected = AssertSameReport([file], options => LogSource.Open(file, options).Sum(r => r.Bytes));
            expected.Malformed.Should().BeGreaterThan(3);
            expected.Samples.Should().OnlyContain(s => s.LineNumber >= 14_000);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Part boundaries everywhere: one small file with CRLF endings, blank lines, a line of
    /// 40 kilobytes, a byte order mark and no final newline, cut into 2 to 192 parts. Each cut
    /// falls somewhere else: on a line start, on a '\r', on a '\n', inside the long line; the
    /// records, their line numbers and the parse report must not change.
    /// </summary>
    [Fact]
    public void Records_and_reports_are_the_same_wherever_the_file_is_cut()
    {
        string dir = Directory.CreateTempSubdirectory("loglinq-cuts-").FullName;
        try
        {
            string file = Path.Combine(dir, "awkward-log");
            File.WriteAllBytes(file, AwkwardLog());
            var report = new ParseReport();
            List<LogRecord> records = DifferentialFixture.Load(file, report);
            byte[] bytes = File.ReadAllBytes(file);
            var cutKinds = new HashSet<string>();
            IQueryable<LogRecord> objects = records.AsQueryable();
            var configurations = new List<LogSourceOptions>();
            for (int parts = 2; parts < 8; parts++)
            {
                configurations.Add(new LogSourceOptions { MaxDegreeOfParallelism = 2, MinPartSize = bytes.Length / parts });
            }

            for (int workers = 2; workers <= 48; workers++)
            {
                configurations.Add(new LogSourceOptions { MaxDegreeOfParallelism = workers, MinPartSize = 1 });
            }

            foreach (LogSourceOptions options in configurations)
            {
                List<ScanPart> parts = ScanPartitioner.Partition([file], LogFormat.Auto, options.MaxDegreeOfParallelism, allowSplit: true, options.MinPartSize);
                parts.Should().HaveCountGreaterThan(1);
                foreach (ScanPart part in parts.Skip(1))
                {
                    cutKinds.Add(CutKind(bytes, part.Start));
                }

                string context = $"{parts.Count} parts, {options.MaxDegreeOfParallelism} workers";
                IQueryable<LogRecord> logs = LogSource.Open(file, options);
                AssertAllRecords(logs, records, context);
                var actual = new ParseReport();
                LogSource.Open(file, options with { Report = actual }).Count().Should().Be(records.Count, context);
                actual.Records.Should().Be(report.Records, context);
                actual.Malformed.Should().Be(report.Malformed, context);
                actual.Samples.Select(s => s.ToString()).Should().Equal(report.Samples.Select(s => s.ToString()), context);
                Func<IQueryable<LogRecord>, object?>[] queries =
                [
                    q => q.MaxBy(r => r.Bytes),
                    q => q.MinBy(r => r.Bytes),
                    q => q.OrderBy(r => r.Host).Take(40).ToList(),
                    q => q.Select(r => r.Path).Distinct().ToList(),
                    q => q.GroupBy(r => r.Host).Select(g => new { g.Key, N = g.Count(), B = g.Sum(r => r.Bytes), U = g.Select(r => r.UserAgent).Distinct().Count() }).ToList(),
                    q => q.Where(r => r.UserAgent != null && r.UserAgent.Length > 1000).Select(r => r.UserAgent!.Length).ToList(),
                ];
                foreach (Func<IQueryable<LogRecord>, object?> query in queries)
                {
                    Outcome.Capture(() => query(logs)).Should().Be(Outcome.Capture(() => query(objects)), context);
                }
            }

            output.WriteLine($"{bytes.Length} bytes, {records.Count} records, {report.Malformed} malformed; {configurations.Count} ways to cut; cuts at: {string.Join(", ", cutKinds.Order())}");
            cutKinds.Should().Contain(["line start", "on \\r", "on \\n", "inside the long line", "mid-line"]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Every record, through a top-k whose key ties for all of them, which keeps them in file order.</summary>
    private static void AssertAllRecords(IQueryable<LogRecord> logs, IReadOnlyList<LogRecord> expected, string context)
    {
        var all = logs.OrderBy(r => r.Status / 1000).Take(int.MaxValue).ToList();
        all.Should().HaveCount(expected.Count, context);
        for (int i = 0; i < all.Count; i++)
        {
            string actual = Outcome.RenderRecord(all[i]);
            string wanted = Outcome.RenderRecord(expected[i]);
            if (actual != wanted)
            {
                actual.Should().Be(wanted, $"record {i} of {context}");
            }
        }
    }

    private ParseReport AssertSameReport(IReadOnlyList<string> files, Action<LogSourceOptions> query)
    {
        var expected = new ParseReport();
        List<LogRecord> records = DifferentialFixture.LoadAll([.. files], expected);
        HashSet<(string, long)> recordLines = [.. records.Select(r => (r.File, r.LineNumber))];

        foreach (LogSourceOptions options in new[] { Split, Sequential })
        {
            var actual = new ParseReport();
            query(options with { Report = actual });
            string context = $"{string.Join(", ", files)} with {options.MaxDegreeOfParallelism} worker(s)";
            actual.Records.Should().Be(expected.Records, context);
            actual.Malformed.Should().Be(expected.Malformed, context);
            actual.MalformedByFile.Should().BeEquivalentTo(expected.MalformedByFile, context);
            actual.Samples.Select(s => s.ToString()).Should().Equal(expected.Samples.Select(s => s.ToString()), context);
            if (options == Split)
            {
                output.WriteLine($"{context}: {actual.Records} records, {actual.Malformed} malformed; samples at lines {string.Join(", ", actual.Samples.Select(s => s.LineNumber))}");
            }
        }

        // The reference's own samples point at lines that are no record.
        expected.Records.Should().Be(records.Count);
        foreach (MalformedLine sample in expected.Samples)
        {
            recordLines.Should().NotContain((sample.File, sample.LineNumber));
            files.Should().Contain(sample.File);
        }

        return expected;
    }

    /// <summary>Where a part that starts at <paramref name="start"/> was cut.</summary>
    private static string CutKind(byte[] bytes, long start)
    {
        int lineStart = Array.LastIndexOf(bytes, (byte)'\n', (int)start - 1) + 1;
        int lineEnd = Array.IndexOf(bytes, (byte)'\n', (int)start);
        return bytes[start - 1] == '\n' ? "line start"
            : bytes[start] == '\r' ? "on \\r"
            : bytes[start] == '\n' ? "on \\n"
            : (lineEnd < 0 ? bytes.Length : lineEnd) - lineStart > 30_000 ? "inside the long line"
            : "mid-line";
    }

    /// <summary>
    /// A small log with everything that makes cutting hard: a byte order mark, CRLF on every other line,
    /// blank and whitespace lines, a line of 40 KB, malformed lines, and no newline at the end.
    /// </summary>
    private static byte[] AwkwardLog()
    {
        var text = new List<byte>();
        int n = 0;
        foreach (byte[] line in LogGenerator.Lines(new LogGeneratorOptions(400, 99, MalformedRate: 0.05)))
        {
            n++;
            byte[] content = line.AsSpan().TrimEnd("\r\n"u8).ToArray();
            if (n == 1)
            {
                text.AddRange("\uFEFF"u8.ToArray());
            }

            text.AddRange(content);
            if (n == 200)
            {
                string agent = new('x', 40_000);
                text.AddRange(System.Text.Encoding.UTF8.GetBytes($"\n10.0.0.1 - - [24/Feb/2008:03:00:00 -0600] \"GET /long HTTP/1.1\" 200 1 \"-\" \"{agent}\""));
            }

            if (n % 50 == 0)
            {
                text.AddRange("\n\n   \n\r"u8.ToArray());
            }

            if (n < 400)
            {
                text.AddRange(n % 2 == 0 ? "\r\n"u8.ToArray() : "\n"u8.ToArray());
            }
        }

        return [.. text];
    }
}

/// <summary>
/// The differential test classes run one after the other, not side by side: each already keeps both
/// cores busy, and run together they would only slow each other down.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DifferentialCollection
{
    public const string Name = "Differential";
}

using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Differential;

/// <summary>
/// Minimal cases of provider bugs the differential tests found, each stating what LINQ to Objects
/// does, kept so they stay fixed.
/// </summary>
public sealed class ProviderRegressionTests : IDisposable
{
    private static readonly LogSourceOptions Split = new() { MaxDegreeOfParallelism = 2, MinPartSize = 64 * 1024 };

    private readonly string _dir = Directory.CreateTempSubdirectory("loglinq-repro-").FullName;

    private static string AccessLog => Path.Combine(DifferentialFixture.RepoRoot, "data", "access-log");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void OrderBy_Take_0_is_empty()
    {
        IQueryable<LogRecord> logs = LogSource.Open(AccessLog, Split);

        logs.OrderBy(r => r.Bytes).Take(0).ToList().Should().BeEmpty();
        logs.OrderByDescending(r => r.Time).ThenBy(r => r.Host).Take(0).ToList().Should().BeEmpty();
    }

    [Fact]
    public void An_exception_in_a_predicate_is_thrown_as_itself()
    {
        IQueryable<LogRecord> logs = LogSource.Open(AccessLog, Split);
        List<LogRecord> records = DifferentialFixture.Load(AccessLog);

        // LINQ to Objects, and the provider when it streams:
        FluentActions.Invoking(() => records.Count(r => 1 / (r.Status - r.Status) == 0)).Should().ThrowExactly<DivideByZeroException>();
        FluentActions.Invoking(() => logs.Where(r => 1 / (r.Status - r.Status) == 0).ToList()).Should().ThrowExactly<DivideByZeroException>();

        // The provider's parallel aggregates:
        FluentActions.Invoking(() => logs.Count(r => 1 / (r.Status - r.Status) == 0)).Should().ThrowExactly<DivideByZeroException>();
        FluentActions.Invoking(() => logs.Where(r => r.UserAgent!.Contains("bot")).Sum(r => r.Bytes)).Should().ThrowExactly<NullReferenceException>();
    }

    [Fact]
    public void Strict_mode_throws_MalformedLogException_from_an_aggregate()
    {
        string file = Path.Combine(_dir, "one-bad-line-log");
        File.WriteAllText(file, File.ReadAllText(AccessLog) + "garbage\n");
        IQueryable<LogRecord> logs = LogSource.Open(file, Split with { Strict = true });

        FluentActions.Invoking(() => logs.ToList()).Should().ThrowExactly<MalformedLogException>().Which.Line.LineNumber.Should().Be(7299);
        FluentActions.Invoking(() => logs.Count()).Should().ThrowExactly<MalformedLogException>().Which.Line.LineNumber.Should().Be(7299);
    }

    [Fact]
    public void Instance_Equals_on_a_null_field_throws_as_in_csharp()
    {
        // data/access-log is in the Common format: no line has a referrer.
        IQueryable<LogRecord> logs = LogSource.Open(AccessLog, Split);
        List<LogRecord> records = DifferentialFixture.Load(AccessLog);

        FluentActions.Invoking(() => records.AsQueryable().Where(r => r.Referrer!.Equals("-")).ToList()).Should().Throw<NullReferenceException>();
        FluentActions.Invoking(() => logs.Where(r => r.Referrer!.Equals("-")).ToList()).Should().Throw<NullReferenceException>();
    }

    [Fact]
    public void A_double_sum_does_not_depend_on_how_the_file_is_split()
    {
        List<LogRecord> records = DifferentialFixture.Load(AccessLog);
        IQueryable<LogRecord> logs = LogSource.Open(AccessLog, Split);

        logs.Sum(r => r.Bytes * 0.1).Should().Be(records.Sum(r => r.Bytes * 0.1));
        logs.Average(r => r.Bytes / 3.0).Should().Be(records.Average(r => r.Bytes / 3.0));
    }

    /// <summary>
    /// A literal pre-filter skips lines before they are parsed, so the report of such a query counts
    /// only the lines it read (documented on <see cref="LogSourceOptions.Report"/>); without one, the
    /// report counts every line, as the sequential pipeline does. The answer is the same either way.
    /// </summary>
    [Fact]
    public void The_parse_report_counts_the_lines_the_query_read()
    {
        string file = Path.Combine(_dir, "some-bad-lines-log");
        LogGenerator.Write(file, new LogGeneratorOptions(5_000, 5, MalformedRate: 0.02));
        var prefiltered = new ParseReport();
        var residual = new ParseReport();
        var pipeline = new ParseReport();
        _ = DifferentialFixture.Load(file, pipeline);

        LogSource.Open(file, Split with { Report = prefiltered }).Count(r => r.Status == 404)
            .Should().Be(LogSource.Open(file, Split with { Report = residual }).Count(r => r.Status + 0 == 404));

        residual.Records.Should().Be(pipeline.Records);
        residual.Malformed.Should().Be(pipeline.Malformed);
        prefiltered.Records.Should().BeLessThan(pipeline.Records);
        int withLiteral = File.ReadLines(file).Count(line => line.Contains("404 ", StringComparison.Ordinal));
        (prefiltered.Records + prefiltered.Malformed).Should().Be(withLiteral);
    }

    /// <remarks>
    /// This test project runs with InvariantGlobalization (Directory.Build.props), where culture-aware
    /// comparison is ordinal, so it passes here; it fails in a process with ICU, where U+00AD (soft
    /// hyphen) is ignorable and "/\u00ADrobots.txt".StartsWith("/robots") is true. Checked with a
    /// console program on ICU 72: provider 1, LINQ to Objects 2, for StartsWith and EndsWith alike.
    /// </remarks>
    [Fact]
    public void Culture_sensitive_StartsWith_agrees_with_csharp_on_any_data()
    {
        string file = Path.Combine(_dir, "soft-hyphen-log");
        File.WriteAllText(
            file,
            "1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] \"GET /\u00ADrobots.txt HTTP/1.1\" 200 5\n" +
            "1.2.3.4 - - [24/Feb/2008:00:08:59 -0600] \"GET /robots.txt\u00AD HTTP/1.1\" 200 5\n");
        IQueryable<LogRecord> logs = LogSource.Open(file);
        List<LogRecord> records = DifferentialFixture.Load(file);

        logs.Count(r => r.Path.StartsWith("/robots")).Should().Be(records.Count(r => r.Path.StartsWith("/robots")));
        logs.Count(r => r.Path.EndsWith(".txt")).Should().Be(records.Count(r => r.Path.EndsWith(".txt")));
    }
}

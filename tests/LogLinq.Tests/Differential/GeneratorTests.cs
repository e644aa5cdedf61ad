using System.Text;
using LogLinq.Records;

namespace LogLinq.Tests.Differential;

/// <summary>The generators are deterministic and make what the differential tests rely on.</summary>
public sealed class GeneratorTests
{
    private static readonly LogGeneratorOptions Options = new(5_000, 42, MalformedRate: 0.01);

    [Fact]
    public void The_same_seed_writes_the_same_log_and_another_seed_another()
    {
        byte[] first = [.. LogGenerator.Lines(Options).SelectMany(l => l)];
        byte[] second = [.. LogGenerator.Lines(Options).SelectMany(l => l)];
        byte[] other = [.. LogGenerator.Lines(Options with { Seed = 43 }).SelectMany(l => l)];

        second.Should().Equal(first);
        other.Should().NotEqual(first);
    }

    [Fact]
    public void The_log_has_every_kind_of_line_the_tests_need()
    {
        List<byte[]> lines = [.. LogGenerator.Lines(Options)];
        string text = Encoding.UTF8.GetString([.. lines.SelectMany(l => l)]);
        var report = new ParseReport();
        List<LogRecord> records;
        string dir = Directory.CreateTempSubdirectory("loglinq-gen-").FullName;
        try
        {
            string file = Path.Combine(dir, "log");
            LogGenerator.Write(file, Options);
            records = DifferentialFixture.Load(file, report);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        lines.Should().HaveCount(Options.Lines);
        text.Should().Contain("\r\n").And.Contain("\\\"").And.Contain("/robots.txt");
        report.Malformed.Should().BeInRange(20, 100);
        records.Should().Contain(r => r.Host.Contains(':'))
            .And.Contain(r => r.VirtualHost == "example.com:80")
            .And.Contain(r => r.VirtualHost != null && r.Host.Contains(':'))
            .And.Contain(r => r.VirtualHost == null)
            .And.Contain(r => r.Referrer == null)
            .And.Contain(r => r.Referrer != null && r.UserAgent == null)
            .And.Contain(r => r.UserAgent != null && r.UserAgent.Contains("\\\""))
            .And.Contain(r => r.Path.Contains(' '))
            .And.Contain(r => r.Path.Contains('?'))
            .And.Contain(r => r.Path == "-")
            .And.Contain(r => r.Status == 404)
            .And.Contain(r => r.Status == 500)
            .And.Contain(r => r.Status == 304)
            .And.Contain(r => r.Status == 0)
            .And.Contain(r => r.Bytes == 0)
            .And.Contain(r => r.Method == "POST");
        records.Select(r => r.Time.Offset).Distinct().Should().HaveCountGreaterThan(5);
    }

    [Fact]
    public void The_same_seed_generates_the_same_queries()
    {
        List<LogRecord> records = DifferentialFixture.Load(Path.Combine(DifferentialFixture.RepoRoot, "data", "access-log"));
        string[] first = [.. new QueryGenerator(records, 7).Generate(200).Select(q => q.Description)];
        string[] second = [.. new QueryGenerator(records, 7).Generate(200).Select(q => q.Description)];

        second.Should().Equal(first);
        first.Distinct().Should().HaveCountGreaterThan(150);
    }

    [Fact]
    public void Queries_ask_about_the_virtual_host_too()
    {
        List<LogRecord> records = DifferentialFixture.Load(Path.Combine(DifferentialFixture.RepoRoot, "data", "access-log"));
        string[] queries = [.. new QueryGenerator(records, 7).Generate(600).Select(q => q.Description)];

        queries.Should().Contain(q => q.Contains("r.VirtualHost ==") || q.Contains("r.VirtualHost !="))
            .And.Contain(q => q.Contains("By(r => r.VirtualHost)"));
    }

    [Fact]
    public void Queries_ask_about_the_duration_too()
    {
        List<LogRecord> records = DifferentialFixture.Load(Path.Combine(DifferentialFixture.RepoRoot, "data", "access-log"));
        string[] queries = [.. new QueryGenerator(records, 7).Generate(600).Select(q => q.Description)];

        queries.Should().Contain(q => q.Contains("r.Duration ==") || q.Contains("r.Duration !="))
            .And.Contain(q => q.Contains("r.Duration >") || q.Contains("r.Duration <") || q.Contains("< r.Duration") || q.Contains("> r.Duration"))
            .And.Contain(q => q.Contains("Max(r => r.Duration)") || q.Contains("ticks of r.Duration"));
    }

    [Fact]
    public void The_json_log_has_durations_of_every_shape()
    {
        string dir = Directory.CreateTempSubdirectory("loglinq-gen-json-").FullName;
        try
        {
            string file = Path.Combine(dir, "access.json");
            LogGenerator.WriteJson(file, new LogGeneratorOptions(3000, 42));
            var report = new ParseReport();
            List<LogRecord> records = DifferentialFixture.Load(file, report);

            report.Malformed.Should().BeInRange(1, 40);
            records.Should().Contain(r => r.Duration == null)
                .And.Contain(r => r.Duration == TimeSpan.Zero)
                .And.Contain(r => r.Duration > TimeSpan.FromSeconds(3))
                .And.Contain(r => r.Duration > TimeSpan.Zero && r.Duration < TimeSpan.FromMilliseconds(200));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

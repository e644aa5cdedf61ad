using System.Globalization;
using LogLinq.Language;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Language;

/// <summary>
/// <c>now()</c> and <c>ago(d)</c>: the instant the query is compiled, read once from the options'
/// clock, so "the last hour" is a constant the scan compares on the raw bytes.
/// </summary>
public sealed class RelativeTimeTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Three requests: two hours before <see cref="Now"/>, half an hour before (written at +01:00), one minute before.</summary>
    private static readonly string[] Lines =
    [
        "10.0.0.1 - - [10/Mar/2024:10:00:00 +0000] \"GET /early HTTP/1.1\" 200 10",
        "10.0.0.2 - - [10/Mar/2024:12:30:00 +0100] \"GET /half HTTP/1.1\" 200 20",
        "10.0.0.3 - - [10/Mar/2024:11:59:00 +0000] \"GET /late HTTP/1.1\" 200 30",
    ];

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static CompiledQuery Compile(string query, string log) =>
        QueryCompiler.Compile(query, new QueryOptions { Globs = [log], Clock = new FixedClock(Now) });

    private static List<object?[]> Rows(string query, string log) => [.. Compile(query, log).Execute().Rows];

    [Fact]
    public void Ago_and_now_measure_from_the_clock_the_query_was_compiled_by()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access.log", Lines);

        Rows("where time > ago(1h) | select path", log).Select(r => r[0]).Should().Equal("/half", "/late");
        Rows("where time >= now() - 2h | count", log).Single().Single().Should().Be(3L);
        Rows("where ago(15m) < time | select path", log).Select(r => r[0]).Should().Equal("/late");
        Rows("select now(), ago(1d) | take 1", log).Single().Should().Equal(Now, Now.AddDays(-1));
    }

    [Fact]
    public void A_comparison_with_ago_is_pushed_down_as_a_constant_time()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access.log", Lines);

        Compile("where time > ago(1h) | count", log).Explain().Should().Contain("pushdown:   time > 2024-03-10T11:00:00+00:00");
    }

    [Theory]
    [InlineData("select ago(5)", "ago needs a duration, as in ago(1h), but 5 is an integer")]
    [InlineData("select ago(path)", "ago needs a duration, as in ago(1h), but path is text")]
    [InlineData("select now(1)", "now takes 0 arguments, not 1")]
    [InlineData("select ago(4000000d)", "ago(4000000d) would be before the year 1")]
    public void Mistakes_are_told(string query, string message)
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access.log", Lines);

        FluentActions.Invoking(() => Compile(query, log)).Should().Throw<QueryException>().Which.Message.Should().Contain(message);
    }

    [Fact]
    public async Task The_command_reads_the_systems_clock()
    {
        // Times around the real now, far enough from the hour's edge that the test's own run cannot move them across it.
        DateTimeOffset now = DateTimeOffset.UtcNow;
        string Line(TimeSpan before, string path) =>
            $"10.0.0.1 - - [{(now - before).ToString("dd/MMM/yyyy:HH:mm:ss '+0000'", CultureInfo.InvariantCulture)}] \"GET {path} HTTP/1.1\" 200 10";
        using var temp = new TempDirectory();
        temp.WriteLines("access.log", Line(TimeSpan.FromHours(3), "/old"), Line(TimeSpan.FromMinutes(20), "/recent"), Line(TimeSpan.FromMinutes(1), "/new"));

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", "--format", "tsv", "from \"access.log\" | where time > ago(1h) | select path"], temp.Path);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("path\n/recent\n/new\n");
    }
}

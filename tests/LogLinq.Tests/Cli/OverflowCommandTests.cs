namespace LogLinq.Tests.Cli;

/// <summary>
/// Byte counts whose sum does not fit in 64 bits, run through the real <c>loglinq</c>: every command
/// and every shape of scan ends with one line on stderr naming what overflowed and exit 1, never an
/// unhandled exception's stack trace (which aborts with 134).
/// </summary>
public sealed class OverflowCommandTests : IClassFixture<OverflowCommandTests.BigLog>
{
    private const string SumOfBytes = "loglinq: the sum of bytes does not fit in a 64-bit integer (arithmetic overflow)\n";

    private const long Huge = long.MaxValue; // 9223372036854775807: anything added to it overflows

    private readonly BigLog _big;

    public OverflowCommandTests(BigLog big) => _big = big;

    /// <summary>Line <paramref name="n"/>: lines 50 apart have the same host and path, so they are summed together by either.</summary>
    private static string Line(int n, long bytes) =>
        $"192.0.2.{n % 5} - - [10/Oct/2023:13:55:00 +0000] \"GET /p{n % 50} HTTP/1.1\" 200 {bytes} \"-\" \"UA\"";

    private static void ShouldFailCleanly(LoglinqProcess.Result run, string stderr)
    {
        run.ExitCode.Should().Be(1, run.ToString());
        run.Stderr.Should().Be(stderr, run.ToString());
        run.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("summarize sum(bytes)", SumOfBytes)]
    [InlineData("summarize avg(bytes)", SumOfBytes)]
    [InlineData("summarize sum(bytes) by host", SumOfBytes)]
    [InlineData("summarize count(), sum(bytes) as total by host, path", SumOfBytes)]
    [InlineData("select bytes + 1", "loglinq: bytes + 1 does not fit in a 64-bit integer (arithmetic overflow)\n")]
    [InlineData("where bytes * 2 > 100 | count", "loglinq: bytes * 2 does not fit in a 64-bit integer (arithmetic overflow)\n")]
    public async Task A_query_over_a_small_file(string stages, string stderr)
    {
        using var temp = new TempDirectory();
        temp.WriteLines("nums.log", Line(1, Huge), Line(51, 10));

        foreach (string format in new[] { "csv", "table", "json" })
        {
            ShouldFailCleanly(await LoglinqProcess.RunAsync(["query", "--format", format, $"from \"nums.log\" | {stages}"], temp.Path), stderr);
        }
    }

    [Theory]
    [InlineData("summarize sum(bytes)")]
    [InlineData("summarize avg(bytes)")]
    [InlineData("summarize sum(bytes) by host")]
    public async Task A_query_over_a_file_cut_into_ranges_for_the_workers(string stages)
    {
        new FileInfo(_big.Path).Length.Should().BeGreaterThan(16L * 1024 * 1024, "the CLI cuts plain files over 16 MB");

        ShouldFailCleanly(await LoglinqProcess.RunAsync(["query", $"from \"{_big.Path}\" | {stages}"]), SumOfBytes);
    }

    [Fact]
    public async Task A_query_over_several_files()
    {
        using var temp = new TempDirectory();
        temp.WriteLines("a.log", Line(1, Huge));
        temp.WriteLines("b.log", Line(51, 10));

        ShouldFailCleanly(await LoglinqProcess.RunAsync(["query", "from \"*.log\" | summarize sum(bytes)"], temp.Path), SumOfBytes);
        ShouldFailCleanly(await LoglinqProcess.RunAsync(["query", "from \"*.log\" | summarize sum(bytes) by host"], temp.Path), SumOfBytes);
    }

    [Fact]
    public async Task The_report_command()
    {
        using var temp = new TempDirectory();
        temp.WriteLines("nums.log", Line(1, Huge), Line(51, 10));

        ShouldFailCleanly(await LoglinqProcess.RunAsync(["report", "nums.log"], temp.Path), SumOfBytes);
        ShouldFailCleanly(await LoglinqProcess.RunAsync(["report", "--format", "json", "nums.log"], temp.Path), SumOfBytes);
        ShouldFailCleanly(await LoglinqProcess.RunAsync(["report", _big.Path]), SumOfBytes);
    }

    [Fact]
    public async Task Saved_queries_alone_and_answered_together()
    {
        using var temp = new TempDirectory();
        temp.WriteLines("nums.log", Line(1, Huge), Line(51, 10));
        temp.WriteLines("sum.lq", "from \"nums.log\"", "| summarize sum(bytes) by host   # the total per host");
        temp.WriteLines("count.lq", "from \"nums.log\" | count");
        temp.WriteLines("again.lq", "from \"nums.log\" | count");

        ShouldFailCleanly(await LoglinqProcess.RunAsync(["run", "sum.lq"], temp.Path), "loglinq: sum.lq: the sum of bytes does not fit in a 64-bit integer (arithmetic overflow)\n");

        // Answered together, the query that overflows fails alone: the other's answer is printed.
        LoglinqProcess.Result together = await LoglinqProcess.RunAsync(["run", "--format", "tsv", "count.lq", "sum.lq", "again.lq"], temp.Path);
        together.ExitCode.Should().Be(1, together.ToString());
        together.Stderr.Should().Be("loglinq: sum.lq: the sum of bytes does not fit in a 64-bit integer (arithmetic overflow)\n");
        together.Stdout.Should().Be("==> count.lq <==\ncount\n2\n\n==> sum.lq <==\n\n==> again.lq <==\ncount\n2\n");
    }

    [Fact]
    public async Task Saved_queries_whose_rows_overflow_as_they_are_made()
    {
        using var temp = new TempDirectory();
        temp.WriteLines("nums.log", Line(1, Huge), Line(51, 10));
        temp.WriteLines("plus.lq", "from \"nums.log\" | select bytes + 1");
        temp.WriteLines("count.lq", "from \"nums.log\" | count");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["run", "--format", "tsv", "plus.lq", "count.lq"], temp.Path);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stderr.Should().Be("loglinq: plus.lq: bytes + 1 does not fit in a 64-bit integer (arithmetic overflow)\n");
        run.Stdout.Should().EndWith("==> count.lq <==\ncount\n2\n");
    }

    [Fact]
    public async Task A_sum_that_just_fits_is_printed()
    {
        using var temp = new TempDirectory();
        temp.WriteLines("nums.log", Line(1, Huge - 10), Line(51, 10));

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", "--format", "csv", "from \"nums.log\" | summarize sum(bytes)"], temp.Path);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("sum_bytes\r\n9223372036854775807\r\n"); // CSV ends its records with CRLF (RFC 4180)
    }

    /// <summary>
    /// About 20 MB of lines, so the CLI's scan (which cuts plain files over 16 MB into ranges) splits
    /// it, with the one huge byte count near its end, in a range of its own.
    /// </summary>
    public sealed class BigLog : IDisposable
    {
        private const int Lines = 240_000;

        private readonly TempDirectory _temp = new();

        public BigLog()
        {
            Path = _temp.File("big.log");
            using var writer = new StreamWriter(Path);
            for (int i = 0; i < Lines; i++)
            {
                writer.Write(Line(i, i == Lines - 1000 ? Huge : 1000));
                writer.Write('\n');
            }
        }

        /// <summary>The file.</summary>
        public string Path { get; }

        public void Dispose() => _temp.Dispose();
    }
}

namespace LogLinq.Tests.Cli;

/// <summary><c>loglinq run a.lq b.lq c.lq</c>: each result is what that query gives run alone.</summary>
public sealed class RunManyCommandTests
{
    private static readonly string[] Queries = ["queries/total-bytes.lq", "queries/broken-links.lq", "queries/status-per-hour.lq", "queries/downloads.lq"];

    [Theory]
    [InlineData("csv")]
    [InlineData("tsv")]
    [InlineData("table")]
    public async Task Each_result_under_its_header_equals_the_query_run_alone(string format)
    {
        LoglinqProcess.Result together = await LoglinqProcess.RunAsync(["run", .. Queries, "--set", "file=/ply/ply-2.3.tar.gz", "--format", format]);
        together.ExitCode.Should().Be(0, together.ToString());

        string expected = "";
        for (int i = 0; i < Queries.Length; i++)
        {
            string[] set = Queries[i].Contains("downloads", StringComparison.Ordinal) ? ["--set", "file=/ply/ply-2.3.tar.gz"] : [];
            LoglinqProcess.Result alone = await LoglinqProcess.RunAsync(["run", Queries[i], .. set, "--format", format]);
            alone.ExitCode.Should().Be(0, alone.ToString());
            expected += (i > 0 ? "\n" : "") + $"==> {Queries[i]} <==\n" + alone.Stdout;
        }

        together.Stdout.Should().Be(expected);
    }

    [Fact]
    public async Task Json_rows_carry_their_query_and_equal_the_rows_run_alone()
    {
        LoglinqProcess.Result together = await LoglinqProcess.RunAsync(["run", .. Queries[..3], "--format", "json"]);
        together.ExitCode.Should().Be(0, together.ToString());

        var expected = new List<string>();
        foreach (string query in Queries[..3])
        {
            LoglinqProcess.Result alone = await LoglinqProcess.RunAsync(["run", query, "--format", "json"]);
            expected.AddRange(alone.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(row => $"{{\"query\":\"{query}\",\"row\":{row}}}"));
        }

        together.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(expected);
    }

    [Fact]
    public async Task Queries_over_different_files_are_answered_each_from_its_own()
    {
        using var temp = new TempDirectory();
        string small = temp.WriteLines("small.lq", "from \"data/access-log\" | where status == 404 | count");
        string other = temp.WriteLines("other.lq", "from \"data/www/**/access-log*\" | where status == 404 | count");

        LoglinqProcess.Result together = await LoglinqProcess.RunAsync(["run", small, other, "--format", "csv"]);

        LoglinqProcess.Result smallAlone = await LoglinqProcess.RunAsync(["run", small, "--format", "csv"]);
        LoglinqProcess.Result otherAlone = await LoglinqProcess.RunAsync(["run", other, "--format", "csv"]);

        together.ExitCode.Should().Be(0, together.ToString());
        smallAlone.Stdout.Should().NotBe(otherAlone.Stdout);
        together.Stdout.Should().Be($"==> {small} <==\n{smallAlone.Stdout}\n==> {other} <==\n{otherAlone.Stdout}");
    }

    [Fact]
    public async Task A_value_no_query_uses_is_a_usage_error()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["run", .. Queries[..2], "--set", "fiel=/x"]);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain("none of the queries has a parameter $fiel");
        run.Stdout.Should().BeEmpty();
    }
}

namespace LogLinq.Tests.Cli;

/// <summary><c>loglinq gen</c>: N copies of a log's bytes in one file.</summary>
public sealed class GenCommandTests
{
    [Fact]
    public async Task Gen_writes_the_default_source_three_times()
    {
        using var temp = new TempDirectory();
        string output = temp.File("big-access-log");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["gen", "--repeat", "3", output]);

        run.ExitCode.Should().Be(0, run.ToString());
        byte[] source = File.ReadAllBytes(Path.Combine(LoglinqProcess.RepoRoot, SampleLogFacts.SampleLog));
        File.ReadAllBytes(output).Should().Equal([.. source, .. source, .. source]);
    }

    [Fact]
    public async Task Gen_repeats_a_small_source_across_many_blocks()
    {
        using var temp = new TempDirectory();
        string source = temp.WriteLines("tiny.log", "0123456789abcdef"); // 17 bytes with its newline
        string output = temp.File("out.log");
        const int repeat = 1_000_003; // several 8 MB blocks and a partial one

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["gen", "--repeat", $"{repeat}", "--source", source, output]);

        run.ExitCode.Should().Be(0, run.ToString());
        byte[] copy = File.ReadAllBytes(source);
        byte[] written = File.ReadAllBytes(output);
        written.Length.Should().Be(copy.Length * repeat);
        for (int at = 0; at < written.Length; at += copy.Length)
        {
            if (!written.AsSpan(at, copy.Length).SequenceEqual(copy))
            {
                Assert.Fail($"copy at byte {at} differs from the source");
            }
        }
    }

    [Fact]
    public async Task Gen_output_is_read_back_as_that_many_copies()
    {
        using var temp = new TempDirectory();
        string output = temp.File("access-log-x4");
        (await LoglinqProcess.RunAsync(["gen", "-n", "4", output])).ExitCode.Should().Be(0);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", "--format", "json", output]);

        ReportJson report = ReportJson.Parse(run.Stdout);
        report.Records.Should().Be(SampleLogFacts.Records * 4);
        report.TotalBytes.Should().Be(SampleLogFacts.TotalBytes * 4);
    }

    [Fact]
    public async Task Gen_replaces_an_existing_output()
    {
        using var temp = new TempDirectory();
        string source = temp.WriteLines("src.log", "abc");
        string output = temp.WriteLines("out.log", "something much longer than the new content");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["gen", "--repeat", "2", "--source", source, output]);

        run.ExitCode.Should().Be(0, run.ToString());
        File.ReadAllText(output).Should().Be("abc\nabc\n");
    }

    [Fact]
    public async Task Gen_refuses_to_write_over_its_source()
    {
        using var temp = new TempDirectory();
        string source = temp.WriteLines("src.log", "keep me");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["gen", "--repeat", "2", "--source", source, Path.Combine(temp.Path, ".", "src.log")]);

        run.ExitCode.Should().Be(2, run.ToString());
        File.ReadAllText(source).Should().Be("keep me\n");
    }

    [Fact]
    public async Task Gen_into_a_missing_folder_fails_in_one_line()
    {
        using var temp = new TempDirectory();

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["gen", "--repeat", "2", temp.File("no/such/folder/out.log")]);

        run.ExitCode.Should().Be(1, run.ToString());
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith("loglinq: ").And.Contain("no/such/folder");
    }

    [Fact]
    public async Task Gen_from_a_missing_source_fails_in_one_line_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        string output = temp.File("out.log");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["gen", "--repeat", "2", "--source", temp.File("missing.log"), output]);

        run.ExitCode.Should().Be(1, run.ToString());
        run.StderrLines.Should().ContainSingle().Which.Should().StartWith("loglinq: ").And.Contain("missing.log");
        File.Exists(output).Should().BeFalse();
    }
}

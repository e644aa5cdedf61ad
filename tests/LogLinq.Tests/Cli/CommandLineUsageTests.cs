namespace LogLinq.Tests.Cli;

/// <summary>Help, and what <c>loglinq</c> does with a command line it cannot use.</summary>
public sealed class CommandLineUsageTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("report", "--help")]
    [InlineData("gen", "--help")]
    [InlineData("query", "from \"data/access-log\" | count", "-?")]
    [InlineData("run", "/h")]
    public async Task Help_is_printed_for_every_command(params string[] args)
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(args);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("Usage:").And.Contain("loglinq");
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Report_help_names_its_options_and_the_default_glob()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", "--help"]);

        run.Stdout.Should().ContainAll("--format", "--log-format", "--strict", "data/**/access-log*", "auto", "common", "combined");
    }

    /// <summary>
    /// The root's own options are made only for a command line that may ask for them (see
    /// LoglinqRootCommand): one read from a response file must find them too.
    /// </summary>
    [Fact]
    public async Task Help_asked_for_in_a_response_file_is_printed()
    {
        using var temp = new TempDirectory();
        string arguments = temp.File("help.rsp");
        await File.WriteAllLinesAsync(arguments, ["query", "--help"]);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["@" + arguments]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("Usage:").And.Contain("loglinq query");
    }

    [Fact]
    public async Task Version_is_printed()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["--version"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("'--bogus'", "report", "--bogus")]
    [InlineData("'--fromat'", "report", "--fromat", "json", "data/access-log")]
    [InlineData("'--bogus'", "--bogus")]
    [InlineData("'--bogus'", "gen", "--repeat", "2", "--bogus")]
    [InlineData("'xml'", "report", "--format", "xml")]
    [InlineData("'w3x'", "report", "--log-format", "w3x")]
    [InlineData("--repeat", "gen", "out.log")]
    [InlineData("--repeat", "gen", "--repeat", "0", "out.log")]
    [InlineData("--repeat", "gen", "--repeat", "-3", "out.log")]
    [InlineData("'two'", "gen", "--repeat", "two", "out.log")]
    [InlineData("gen", "gen", "--repeat", "2")]
    [InlineData("--source", "gen", "--repeat", "2", "--source")]
    [InlineData("--log-format", "report", "--log-format")]
    [InlineData("command", "frobnicate")]
    [InlineData("command")]
    public async Task A_bad_command_line_exits_2_with_the_problem_and_a_hint(string mentioned, params string[] args)
    {
        using var temp = new TempDirectory();

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(args, workingDirectory: temp.Path);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stdout.Should().BeEmpty();
        run.StderrLines[0].Should().StartWith("loglinq: ");
        run.Stderr.Should().Contain(mentioned);
        run.StderrLines[^1].Should().StartWith("Try 'loglinq").And.EndWith("--help' for more information.");
        run.Stderr.Should().NotContain("Exception").And.NotContain("   at ");
        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty("a rejected command must not write anything");
    }

    [Fact]
    public async Task The_hint_names_the_command_that_was_misused()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["gen", "--repeat", "0", "out.log"]);

        run.StderrLines[^1].Should().Be("Try 'loglinq gen --help' for more information.");
    }

    [Fact]
    public async Task A_file_named_like_an_option_can_follow_a_double_dash()
    {
        using var temp = new TempDirectory();
        temp.WriteLines("-odd.log", "127.0.0.1 - - [24/Feb/2008:00:08:59 -0600] \"GET / HTTP/1.1\" 200 5");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["report", "--format", "json", "--", "-odd.log"], workingDirectory: temp.Path);

        run.ExitCode.Should().Be(0, run.ToString());
        ReportJson.Parse(run.Stdout).TotalBytes.Should().Be(5);
    }
}

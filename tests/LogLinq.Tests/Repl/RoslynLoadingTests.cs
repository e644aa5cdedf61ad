using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Repl;

/// <summary>
/// Roslyn is loaded by the repl command and scripts only: every other command starts without it.
/// The assemblies a real <c>loglinq</c> process loaded are read through <see cref="StartupHook"/>.
/// </summary>
public sealed class RoslynLoadingTests
{
    private const string Roslyn = "Microsoft.CodeAnalysis";

    [Theory]
    [InlineData("report", "--format", "json", "data/access-log")]
    [InlineData("report", "data/access-log")]
    [InlineData("--help")]
    [InlineData("repl", "--help")]
    public async Task Commands_other_than_a_session_never_load_Roslyn(params string[] args)
    {
        (LoglinqProcess.Result result, string[] assemblies) = await RunAsync(args, stdin: null);

        result.ExitCode.Should().Be(0, result.ToString());
        assemblies.Should().Contain("loglinq", "the hook must have run for the absence to mean anything");
        assemblies.Should().NotContain(name => name.StartsWith(Roslyn, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_loads_Roslyn()
    {
        (LoglinqProcess.Result result, string[] assemblies) = await RunAsync(["repl", "data/access-log"], stdin: "logs.Count()\n");

        result.Stdout.Should().Be($"{SampleLogFacts.Records}\n", result.ToString());
        assemblies.Should().Contain($"{Roslyn}.CSharp.Scripting");
    }

    private static async Task<(LoglinqProcess.Result Result, string[] Assemblies)> RunAsync(string[] args, string? stdin)
    {
        using var dir = new TempDirectory();
        string output = dir.File("assemblies.txt");
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location,
            [StartupHook.OutputVariable] = output,
        };

        LoglinqProcess.Result result = await ReplProcess.RunAsync(args, stdin, environment);
        string[] assemblies = File.Exists(output) ? await File.ReadAllLinesAsync(output) : [];
        return (result, assemblies);
    }
}

using System.Diagnostics;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Embedding;

/// <summary>
/// A program of someone else's, tests/EmbeddingConsumer, built against the packed LogLinq package
/// the way a user would: a project folder of its own, a PackageReference, a nuget.config adding a
/// local folder to the usual sources, <c>dotnet run</c>.
/// </summary>
[Collection(PackedLibraryCollection.Name)]
public sealed class ConsumerProjectTests(PackedLibrary package)
{
    [Fact]
    public async Task A_program_built_against_the_package_answers_two_questions_about_a_log_tree()
    {
        using var project = new TempDirectory();
        string source = Path.Combine(LoglinqProcess.RepoRoot, "tests", "EmbeddingConsumer");
        foreach (string file in new[] { "EmbeddingConsumer.csproj", "Program.cs" })
        {
            File.Copy(Path.Combine(source, file), project.File(file));
        }

        // Adds the local folder to the configured sources (no <clear/>): LogLinq's own dependencies
        // come from the usual feed, or NuGet's cache of it.
        await File.WriteAllTextAsync(project.File("nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="loglinq-under-test" value="{package.Folder}" />
              </packageSources>
            </configuration>
            """);

        LoglinqProcess.Result run = await DotnetCli.RunAsync(
            ["run", "--disable-build-servers", $"-p:LogLinqVersion={package.Version}", "--",
                Path.Combine(LoglinqProcess.RepoRoot, "data", "**", "access-log*")],
            project.Path,
            TimeSpan.FromSeconds(180));

        string assets = project.File(Path.Combine("obj", "project.assets.json"));
        if (File.Exists(assets))
        {
            package.LearnGlobalPackagesFolder(assets);
        }

        run.ExitCode.Should().Be(0, run.ToString());
        long copies = SampleLogFacts.CopiesUnderData;
        run.Stdout.Should().Be(
            $"{copies * SampleLogFacts.TotalBytes} bytes sent\n"
            + $"most requested missing document: /favicon.ico ({copies * 1877} requests)\n");
    }
}

using System.Text.RegularExpressions;
using LogLinq.Query;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Embedding;

/// <summary>docs/embedding.md says what the library offers: its public types, and a program that uses them.</summary>
public sealed partial class PublicApiTests
{
    private static readonly string Embedding = File.ReadAllText(Path.Combine(LoglinqProcess.RepoRoot, "docs", "embedding.md"));

    [Fact]
    public void The_public_types_are_exactly_those_docs_embedding_md_lists()
    {
        string[] exported = [.. typeof(LogSource).Assembly.GetExportedTypes().Select(t => t.FullName!).Order(StringComparer.Ordinal)];

        DocumentedTypes().Should().Equal(exported);
    }

    [Fact]
    public void The_ten_line_program_in_the_docs_is_the_consumer_that_is_tested()
    {
        string program = File.ReadAllText(Path.Combine(LoglinqProcess.RepoRoot, "tests", "EmbeddingConsumer", "Program.cs"));
        Match snippet = CSharpBlock().Match(Embedding.Replace("\r\n", "\n", StringComparison.Ordinal));

        snippet.Success.Should().BeTrue("docs/embedding.md shows a program");
        snippet.Groups["code"].Value.Should().Be(program.Replace("\r\n", "\n", StringComparison.Ordinal));
        program.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Should().HaveCountLessThanOrEqualTo(10);
    }

    /// <summary>Namespace.Type for each row of the tables under "### `Namespace`" headings of "## The public API".</summary>
    private static string[] DocumentedTypes()
    {
        string api = Embedding[Embedding.IndexOf("## The public API", StringComparison.Ordinal)..];
        api = api[..api.IndexOf("### Made internal", StringComparison.Ordinal)];
        var types = new List<string>();
        string? ns = null;
        foreach (string line in api.Split('\n'))
        {
            if (NamespaceHeading().Match(line) is { Success: true } heading)
            {
                ns = heading.Groups["ns"].Value;
            }
            else if (TypeRow().Match(line) is { Success: true } row && ns is not null)
            {
                // `Name<T, U>` in the docs is Name`2 in metadata.
                string arity = row.Groups["args"].Success ? $"`{row.Groups["args"].Value.Split(',').Length}" : "";
                types.Add($"{ns}.{row.Groups["type"].Value}{arity}");
            }
        }

        return [.. types.Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"^### `(?<ns>[\w.]+)`")]
    private static partial Regex NamespaceHeading();

    [GeneratedRegex(@"^\| `(?<type>\w+)(?:<(?<args>[^>]+)>)?`")]
    private static partial Regex TypeRow();

    [GeneratedRegex("```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}

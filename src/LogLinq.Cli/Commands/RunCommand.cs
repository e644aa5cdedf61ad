using System.CommandLine;
using LogLinq.Cli.Query;

namespace LogLinq.Cli.Commands;

/// <summary><c>loglinq run queries/NAME.lq</c>: runs a saved query.</summary>
internal static class RunCommand
{
    /// <summary>Where saved queries are looked for when only a name is given.</summary>
    public const string QueriesFolder = "queries";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var files = new Argument<string[]>("file")
        {
            Description = $"The query files, as {QueriesFolder}/top-hosts-by-bytes.lq; a bare name is looked for in {QueriesFolder}/ with .lq added. "
                + "Several are answered in one pass over each set of files they read, each result under ==> FILE <==",
            Arity = ArgumentArity.OneOrMore,
        };
        var options = new QueryCommandOptions();
        var command = new Command("run", "Run saved queries from files (.lq, several in one pass) or a C# script (.csx)")
        {
            files,
        };
        options.AddTo(command);
        command.SetAction(parseResult =>
        {
            string[] names = parseResult.GetValue(files)!;
            if (names.Any(name => name.EndsWith(".csx", StringComparison.Ordinal)))
            {
                return names.Length == 1
                    ? RunScript(names[0], options, parseResult)
                    : UsageError("a C# script (.csx) runs alone: give it without other files");
            }

            var queries = new List<(string Origin, string Text)>();
            foreach (string name in names)
            {
                string path = Resolve(name);
                try
                {
                    queries.Add((path, File.ReadAllText(path)));
                }
                catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
                {
                    Console.Error.WriteLine($"{LoglinqRootCommand.Name}: {path}: no such query file");
                    return ExitCodes.Failure;
                }
            }

            // One file prints as it always has, without a header.
            return queries.Count == 1
                ? options.Run(parseResult, queries[0].Text, origin: queries[0].Origin)
                : options.RunMany(parseResult, queries);
        });
        return command;
    }

    /// <summary>
    /// A saved C# script, run by the REPL's script runner with the same globals. Kept out of line so
    /// that running .lq files never loads Roslyn.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int RunScript(string path, QueryCommandOptions options, ParseResult parseResult)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string set in options.Sets(parseResult))
        {
            int equals = set.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return UsageError($"--set takes name=value, not '{set}'");
            }

            parameters[set[..equals]] = set[(equals + 1)..];
        }

        IReadOnlyList<string> globs = options.From(parseResult) is { Count: > 0 } from ? from : [ReportCommand.DefaultGlob];
        return Repl.CsxRunner.RunAsync(path, parameters, globs).GetAwaiter().GetResult();
    }

    private static int UsageError(string message)
    {
        Console.Error.WriteLine($"{LoglinqRootCommand.Name}: {message}");
        return ExitCodes.Usage;
    }

    /// <summary>The file for <paramref name="name"/>: itself when it exists, else <c>queries/NAME.lq</c> for a bare name.</summary>
    private static string Resolve(string name)
    {
        if (File.Exists(name) || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            return name;
        }

        string saved = Path.Combine(QueriesFolder, name.EndsWith(".lq", StringComparison.Ordinal) ? name : name + ".lq");
        return File.Exists(saved) ? saved : name;
    }
}

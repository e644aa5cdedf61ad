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
        var command = new Command("run", "Run saved queries from files; several in one pass")
        {
            files,
        };
        options.AddTo(command);
        command.SetAction(parseResult =>
        {
            var queries = new List<(string Origin, string Text)>();
            foreach (string name in parseResult.GetValue(files)!)
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

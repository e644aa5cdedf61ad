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
        var file = new Argument<string>("file")
        {
            Description = $"The query file, as {QueriesFolder}/top-hosts-by-bytes.lq; a bare name is looked for in {QueriesFolder}/ with .lq added",
        };
        var options = new QueryCommandOptions();
        var command = new Command("run", "Run a saved query from a file")
        {
            file,
        };
        options.AddTo(command);
        command.SetAction(parseResult =>
        {
            string path = Resolve(parseResult.GetValue(file)!);
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                Console.Error.WriteLine($"{LoglinqRootCommand.Name}: {path}: no such query file");
                return ExitCodes.Failure;
            }

            return options.Run(parseResult, text, origin: path);
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

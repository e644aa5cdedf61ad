using System.CommandLine;
using LogLinq.Cli.Query;

namespace LogLinq.Cli.Commands;

/// <summary><c>loglinq query '&lt;text&gt;'</c>: runs a query written in the query language (docs/query-language.md).</summary>
internal static class QueryCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var text = new Argument<string>("query")
        {
            Description = "The query, as from \"data/access-log\" | where status == 404 | distinct path. "
                + $"Without from it reads {QueryRunner.DefaultGlob}. The fields: host ident user time method path protocol status bytes "
                + "referrer agent vhost duration file line (duration: how long the request took, where the log records it, as where duration > 2s)",
        };
        var options = new QueryCommandOptions(canFollow: true);
        var command = new Command("query", "Run a query: from \"glob\" | where ... | select ... | summarize ... by ... | sort by ... | take N")
        {
            text,
        };
        options.AddTo(command);
        command.SetAction(parseResult => options.Run(parseResult, parseResult.GetValue(text)!, origin: null));
        return command;
    }
}

using System.CommandLine;

namespace LogLinq.Cli.Commands;

/// <summary>The <c>loglinq</c> command and its subcommands.</summary>
internal static class LoglinqRootCommand
{
    /// <summary>The tool's name, as messages and hints spell it whatever the host process is called.</summary>
    public const string Name = "loglinq";

    /// <summary>Builds the command tree.</summary>
    public static RootCommand Create() =>
        new("Queries web-server logs: lazy, typed and streaming, over globbed, compressed, rotated files.")
        {
            ReportCommand.Create(),
            GenCommand.Create(),
            QueryCommand.Create(),
            RunCommand.Create(),
            SimulateCommand.Create(),
            ReplCommand.Create(),
        };
}

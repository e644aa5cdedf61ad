using System.CommandLine;

namespace LogLinq.Cli.Commands;

/// <summary>The <c>loglinq</c> command and its subcommands.</summary>
internal static class LoglinqRootCommand
{
    /// <summary>The tool's name, as messages and hints spell it whatever the host process is called.</summary>
    public const string Name = "loglinq";

    private const string Description = "Queries web-server logs: lazy, typed and streaming, over globbed, compressed, rotated files.";

    // Each subcommand by the name it is invoked by, made only when needed.
    private static readonly (string Name, Func<Command> Create)[] Subcommands =
    [
        ("report", ReportCommand.Create),
        ("gen", GenCommand.Create),
        ("query", QueryCommand.Create),
        ("run", RunCommand.Create),
        ("simulate", SimulateCommand.Create),
        ("repl", ReplCommand.Create),
    ];

    /// <summary>
    /// Builds the command tree for <paramref name="args"/>: when they start with a subcommand's name,
    /// the root holds that subcommand alone (nothing else can parse them, and no other's help is
    /// shown); otherwise, for the root's help, a mistyped name's suggestions and the like, all of them.
    /// </summary>
    // Making every subcommand's options, with their descriptions and completions, cost about 7 ms at
    // every start (`query --help` 74 -> 67 ms).
    public static RootCommand Create(IReadOnlyList<string> args)
    {
        var root = new RootCommand(Description);
        string? first = args.Count > 0 ? args[0] : null;
        bool one = Array.Exists(Subcommands, s => s.Name == first);
        foreach ((string name, Func<Command> create) in Subcommands)
        {
            if (!one || name == first)
            {
                root.Subcommands.Add(create());
            }
        }

        return root;
    }
}

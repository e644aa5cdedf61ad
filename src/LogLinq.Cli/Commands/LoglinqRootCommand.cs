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
    /// The root is a <see cref="RootCommand"/>, with its <c>--help</c>, <c>--version</c> and directives,
    /// only when the arguments may ask for one of those.
    /// </summary>
    // Making every subcommand's options, with their descriptions and completions, cost about 7 ms at
    // every start (`query --help` 74 -> 67 ms). The help and version options read their descriptions
    // from System.CommandLine's resources when they are made, and the first read of those is another
    // 6 ms (a query of a small log 84 -> 78 ms); a plain command parses the same arguments alike.
    public static Command Create(IReadOnlyList<string> args)
    {
        Command root = MayAskForRootOptions(args) ? new RootCommand(Description) : new Command(Name, Description);
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

    /// <summary>
    /// Whether an argument is, or may be read as, one of <see cref="RootCommand"/>'s own: <c>--help</c>
    /// and its aliases, <c>--version</c>, a <c>[directive]</c>, or a response file (<c>@file</c>), whose
    /// arguments are not known yet. (An option's value that happens to be spelt so only costs the wait.)
    /// </summary>
    private static bool MayAskForRootOptions(IReadOnlyList<string> args)
    {
        foreach (string arg in args)
        {
            if (arg is "-h" or "/h" or "--help" or "-?" or "/?" or "--version" || arg.StartsWith('[') || arg.StartsWith('@'))
            {
                return true;
            }
        }

        return false;
    }
}

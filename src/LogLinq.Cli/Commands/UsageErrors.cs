using System.CommandLine;
using System.CommandLine.Parsing;

namespace LogLinq.Cli.Commands;

/// <summary>
/// Finds what is wrong with a command line and reports it the way Unix tools do: the problem, then
/// where to look, rather than the whole help text.
/// </summary>
internal static class UsageErrors
{
    /// <summary>The problems with the command line, in words; empty when it is fine.</summary>
    public static IReadOnlyList<string> Find(ParseResult parseResult) =>
    [
        .. parseResult.Errors.Select(e => e.Message),
        .. UnknownOptions(parseResult).Select(option => $"Unrecognized option '{option}'."),
    ];

    /// <summary>Writes <paramref name="problems"/> and a hint, and returns <see cref="ExitCodes.Usage"/>.</summary>
    public static int Report(IReadOnlyList<string> problems, ParseResult parseResult, TextWriter error)
    {
        foreach (string problem in problems)
        {
            error.WriteLine($"{LoglinqRootCommand.Name}: {problem}");
        }

        error.WriteLine($"Try '{CommandPath(parseResult.CommandResult)} --help' for more information.");
        return ExitCodes.Usage;
    }

    /// <summary>
    /// Tokens that look like options but were taken as file arguments: the parser hands any token a
    /// command's argument can take to it, so a mistyped <c>--fromat</c> would otherwise be read as a
    /// file name. A file whose name starts with '-' can still be named after <c>--</c>, or as <c>./-x</c>.
    /// </summary>
    private static IEnumerable<string> UnknownOptions(ParseResult parseResult)
    {
        int doubleDash = parseResult.Tokens.Count;
        for (int i = 0; i < parseResult.Tokens.Count; i++)
        {
            if (parseResult.Tokens[i].Type == TokenType.DoubleDash)
            {
                doubleDash = i;
                break;
            }
        }

        IEnumerable<Token> positional = parseResult.CommandResult.Children
            .OfType<ArgumentResult>()
            .SelectMany(argument => argument.Tokens);
        foreach (Token token in positional)
        {
            if (token.Value.Length > 1 && token.Value[0] == '-' && IndexOf(parseResult.Tokens, token) < doubleDash)
            {
                yield return token.Value;
            }
        }
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, Token token)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>"loglinq report" for the report command: the words to type before <c>--help</c>.</summary>
    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult { Command: var c })
            {
                names.Add(result.Parent is null ? LoglinqRootCommand.Name : c.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}

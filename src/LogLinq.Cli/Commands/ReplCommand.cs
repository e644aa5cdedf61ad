using System.CommandLine;
using System.CommandLine.Parsing;
using LogLinq.Cli.Repl;

namespace LogLinq.Cli.Commands;

/// <summary>
/// <c>loglinq repl</c>: C# over the logs, at a prompt or from a pipe, or a saved <c>.csx</c> script
/// with <c>--script</c>. Roslyn is loaded only once this command runs, never by the others.
/// </summary>
internal static class ReplCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var globs = new Argument<string[]>("glob")
        {
            Description = "Log files the 'logs' global reads; ** * ? [abc] are expanded, compressed files are read as they are. "
                + $"Default: {ReportCommand.DefaultGlob}",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var script = new Option<string>("--script")
        {
            Description = "Run this C# script (a .csx file) with the same globals instead of starting a session",
            HelpName = "file.csx",
        };

        var set = new Option<Dictionary<string, string>>("--set")
        {
            Description = "A parameter the script or session reads as Params[\"key\"]; may be repeated",
            HelpName = "key=value",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = ParseParameters,
        };

        var command = new Command("repl", "C# over the logs: an interactive session, submissions piped to it, or a saved .csx script")
        {
            globs,
            script,
            set,
        };

        command.SetAction((parseResult, _) =>
        {
            string[] patterns = parseResult.GetValue(globs) is { Length: > 0 } given ? given : [ReportCommand.DefaultGlob];
            IReadOnlyDictionary<string, string> parameters = parseResult.GetValue(set) ?? [];
            return parseResult.GetValue(script) is { } path
                ? CsxRunner.RunAsync(path, parameters, patterns)
                : ReplProgram.RunAsync(patterns, parameters);
        });
        return command;
    }

    private static Dictionary<string, string> ParseParameters(ArgumentResult result)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Token token in result.Tokens)
        {
            int equals = token.Value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                result.AddError($"--set takes key=value, not '{token.Value}'.");
                continue;
            }

            // The last value given for a key wins, as with environment variables.
            parameters[token.Value[..equals]] = token.Value[(equals + 1)..];
        }

        return parameters;
    }
}

using System.CommandLine;

namespace LogLinq.Cli.Query;

/// <summary>The options <c>query</c> and <c>run</c> share, and how their values are read.</summary>
internal sealed class QueryCommandOptions
{
    private static readonly string[] FormatNames = ["table", "csv", "json", "tsv"];

    private readonly Option<string[]> _set = new("--set")
    {
        Description = "Give the query's $name the value, typed by where it is used (repeatable)",
        HelpName = "name=value",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string?> _format = new("--format")
    {
        Description = "How to print the result: table (the default on a terminal), csv (the default when piped), json (one object per line) or tsv",
        HelpName = "table|csv|json|tsv",
    };

    private readonly Option<string[]> _from = new("--from")
    {
        Description = $"Read these files instead of those the query's from names (repeatable; ** * ? [abc] expanded). Without either: {QueryRunner.DefaultGlob}",
        HelpName = "glob",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<bool> _explain = new("--explain")
    {
        Description = "Print how the query would run (what is pushed down to the raw lines, which fields are read) instead of running it",
    };

    private readonly Option<bool> _strict = new("--strict")
    {
        Description = "Stop with an error at the first malformed line instead of skipping it",
    };

    public QueryCommandOptions()
    {
        _format.CompletionSources.Add(FormatNames);
        _format.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string?>();
            if (value is not null && !FormatNames.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"Unknown output format '{value}'; use {string.Join(", ", FormatNames[..^1])} or {FormatNames[^1]}.");
            }
        });
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_set);
        command.Options.Add(_from);
        command.Options.Add(_format);
        command.Options.Add(_explain);
        command.Options.Add(_strict);
    }

    /// <summary>Runs <paramref name="text"/> with the options given on the command line; returns the exit code.</summary>
    public int Run(ParseResult parseResult, string text, string? origin)
    {
        (Dictionary<string, string> values, List<string> problems) = ParameterAssignments.Parse(parseResult.GetValue(_set) ?? []);
        if (problems.Count > 0)
        {
            return Commands.UsageErrors.Report(problems, parseResult, Console.Error);
        }

        ResultFormat format = parseResult.GetValue(_format) switch
        {
            "table" => ResultFormat.Table,
            "csv" => ResultFormat.Csv,
            "json" => ResultFormat.Json,
            "tsv" => ResultFormat.Tsv,

            // A person at a terminal reads a table; a program reading a pipe parses CSV.
            _ => Terminal.StandardOutput.IsTerminal ? ResultFormat.Table : ResultFormat.Csv,
        };
        var run = new QueryRun(text, origin, values, parseResult.GetValue(_from) ?? [], format, parseResult.GetValue(_explain), parseResult.GetValue(_strict));
        return QueryRunner.Run(run);
    }
}

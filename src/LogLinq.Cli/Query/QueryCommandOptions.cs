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

    private readonly Option<string?> _emit = new("--emit")
    {
        Description = "records: write the query's records as a binary LogLinq record stream, for another loglinq to read with from - "
            + "(the query must answer with whole records: where, sort, top and take only). For JSON lines of records use --format json",
        HelpName = "records",
    };

    private readonly Option<bool> _explain = new("--explain")
    {
        Description = "Print how the query would run (what is pushed down to the raw lines, which fields are read) instead of running it",
    };

    private readonly Option<bool> _strict = new("--strict")
    {
        Description = "Stop with an error at the first malformed line instead of skipping it",
    };

    private readonly Option<bool> _follow = new("--follow")
    {
        Description = "Keep reading the files as they grow, like tail -F: rows of where, select and take are printed as they come, "
            + "each window of a last summarize ... by bin(time, d) when it closes; Ctrl-C ends it (exit 0)",
    };

    private readonly Option<bool> _fromStart = new("--from-start")
    {
        Description = "With --follow, read the files from their start, not only what is written from now on",
    };

    private readonly bool _canFollow;

    /// <summary>The <c>--set</c> values as given, <c>name=value</c> each.</summary>
    public IReadOnlyList<string> Sets(ParseResult parseResult) => parseResult.GetValue(_set) ?? [];

    /// <summary>The <c>--from</c> globs as given.</summary>
    public IReadOnlyList<string> From(ParseResult parseResult) => parseResult.GetValue(_from) ?? [];

    /// <summary>The options; with <paramref name="canFollow"/>, also <c>--follow</c> and <c>--from-start</c>.</summary>
    public QueryCommandOptions(bool canFollow = false)
    {
        _canFollow = canFollow;
        _emit.AcceptOnlyFromAmong("records");
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
        command.Options.Add(_emit);
        command.Options.Add(_explain);
        command.Options.Add(_strict);
        if (_canFollow)
        {
            command.Options.Add(_follow);
            command.Options.Add(_fromStart);
        }
    }

    /// <summary>Runs <paramref name="text"/> with the options given on the command line; returns the exit code.</summary>
    public int Run(ParseResult parseResult, string text, string? origin)
    {
        if (Read(parseResult, text, origin) is not { } run)
        {
            return Commands.ExitCodes.Usage;
        }

        if (_canFollow && run.FromStart && !run.Follow)
        {
            return Commands.UsageErrors.Report(["--from-start goes with --follow."], parseResult, Console.Error);
        }

        if (run.EmitRecords && (run.Follow || parseResult.GetValue(_format) is not null))
        {
            return Commands.UsageErrors.Report([$"--emit records writes a record stream of its own: it does not go with {(run.Follow ? "--follow" : "--format")}."], parseResult, Console.Error);
        }

        return run.Follow ? FollowRunner.Run(run) : QueryRunner.Run(run);
    }

    /// <summary>Runs several saved queries, <paramref name="queries"/> as (file, text), reading each set of files once.</summary>
    public int RunMany(ParseResult parseResult, IReadOnlyList<(string Origin, string Text)> queries)
    {
        if (parseResult.GetValue(_emit) is not null)
        {
            Commands.UsageErrors.Report(["--emit records writes the records of one query: give one query file."], parseResult, Console.Error);
            return Commands.ExitCodes.Usage;
        }

        var runs = new List<QueryRun>();
        foreach ((string origin, string text) in queries)
        {
            if (Read(parseResult, text, origin) is not { } run)
            {
                return Commands.ExitCodes.Usage;
            }

            runs.Add(run);
        }

        return QueryBatchRunner.Run(runs);
    }

    /// <summary>The run the command line asks for; null, with the problems reported, when the values are wrong.</summary>
    private QueryRun? Read(ParseResult parseResult, string text, string? origin)
    {
        (Dictionary<string, string> values, List<string> problems) = ParameterAssignments.Parse(parseResult.GetValue(_set) ?? []);
        if (problems.Count > 0)
        {
            Commands.UsageErrors.Report(problems, parseResult, Console.Error);
            return null;
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
        return new QueryRun(text, origin, values, parseResult.GetValue(_from) ?? [], format, parseResult.GetValue(_explain), parseResult.GetValue(_strict))
        {
            Follow = _canFollow && parseResult.GetValue(_follow),
            FromStart = _canFollow && parseResult.GetValue(_fromStart),
            EmitRecords = parseResult.GetValue(_emit) == "records",
        };
    }
}

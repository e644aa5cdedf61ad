using System.CommandLine;
using System.CommandLine.Parsing;
using LogLinq.Cli.Report;
using LogLinq.Cli.Terminal;
using LogLinq.Formats;
using LogLinq.Records;

namespace LogLinq.Cli.Commands;

/// <summary><c>loglinq report</c>: the tutorial's questions about a set of logs, answered in one pass.</summary>
internal static class ReportCommand
{
    /// <summary>The logs read when no glob is given: the sample data, relative to the current directory.</summary>
    public const string DefaultGlob = "data/**/access-log*";

    /// <summary>
    /// How many entries a list shows by default: a screenful. A busy server's log has tens of
    /// thousands of paths that were not found.
    /// </summary>
    public const int DefaultLimit = 20;

    private static readonly string[] FormatNames = ["table", "json"];

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var globs = new Argument<string[]>("glob")
        {
            Description = "Log files to read; ** * ? [abc] are expanded, compressed files are read as they are. "
                + $"Default: {DefaultGlob}",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var format = new Option<string>("--format")
        {
            Description = "How to print the answers: table (a table on a terminal, aligned text elsewhere) or json (one object)",
            HelpName = "table|json",
            DefaultValueFactory = _ => "table",
        };
        format.CompletionSources.Add(FormatNames);
        format.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string>();
            if (!FormatNames.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"Unknown output format '{value}'; use {string.Join(" or ", FormatNames)}.");
            }
        });

        var logFormat = new Option<LogFormat>("--log-format")
        {
            Description = "The format of the log lines; auto detects it per file",
            HelpName = string.Join('|', LogFormatNames()),
            DefaultValueFactory = _ => LogFormat.Auto,
            CustomParser = ParseLogFormat,
        };

        var limit = new Option<int>("--limit")
        {
            Description = "How many entries the lists of documents not found and of robots' hosts show on a terminal "
                + "or as text (json has them all); 0 shows them all",
            HelpName = "N",
            DefaultValueFactory = _ => DefaultLimit,
        };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--limit takes a number of entries, 0 or more (0 shows them all).");
            }
        });

        var strict = new Option<bool>("--strict")
        {
            Description = "Stop with an error at the first malformed line instead of skipping it",
        };

        var command = new Command("report", "Answer the tutorial's questions about the logs in one pass: "
            + "bytes sent, 404s, large requests, hosts, robots and the most downloaded files")
        {
            globs,
            format,
            logFormat,
            limit,
            strict,
        };

        command.SetAction(parseResult =>
        {
            string[] patterns = parseResult.GetValue(globs) is { Length: > 0 } given ? given : [DefaultGlob];
            ReportFormat reportFormat = parseResult.GetValue(format) == "json" ? ReportFormat.Json : ReportFormat.Table;
            return Run(patterns, reportFormat, parseResult.GetValue(logFormat) ?? LogFormat.Auto, parseResult.GetValue(limit), parseResult.GetValue(strict));
        });
        return command;
    }

    private static int Run(string[] globs, ReportFormat format, LogFormat logFormat, int limit, bool strict)
    {
        var parseReport = new ParseReport();
        TutorialReport report;
        using (var interruption = new Interruption())
        {
            report = ReportScan.Run(globs, logFormat, strict, parseReport, interruption.Token);
        }

        if (format == ReportFormat.Json)
        {
            using Stream stdout = StandardOutput.OpenStream();
            ReportJsonWriter.Write(stdout, report, parseReport.Malformed);
        }
        else if (StandardOutput.IsTerminal)
        {
            ReportTable.Write(report, parseReport.Malformed, limit);
        }
        else
        {
            using TextWriter stdout = StandardOutput.OpenWriter();
            ReportTextWriter.Write(stdout, report, parseReport.Malformed, limit);
        }

        return MalformedLinesNotice.Write(parseReport, LoglinqRootCommand.Name) ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <summary>The known formats, auto first: the one to reach for.</summary>
    private static IEnumerable<string> LogFormatNames() =>
        LogFormat.Names.OrderBy(name => name == LogFormat.Auto.Name ? 0 : 1).ThenBy(name => name, StringComparer.Ordinal);

    private static LogFormat? ParseLogFormat(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null; // the parser has already reported the missing value
        }

        string name = result.Tokens[0].Value;
        if (LogFormat.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return LogFormat.FromName(name);
        }

        result.AddError($"Unknown log format '{name}'; known formats: {string.Join(", ", LogFormatNames())}.");
        return null;
    }
}

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using LogLinq.Cli.Gen;
using LogLinq.Cli.Terminal;

namespace LogLinq.Cli.Commands;

/// <summary>
/// <c>loglinq gen</c>: makes big inputs for benchmarks and tests: a big log from a small one
/// (<c>--repeat</c>), or a feed of bus positions in XML (<c>--buses</c>).
/// </summary>
internal static class GenCommand
{
    /// <summary>The log copied when no <c>--source</c> is given, relative to the current directory.</summary>
    public const string DefaultSource = "data/access-log";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var repeat = new Option<int>("--repeat", "-n")
        {
            Description = "How many copies of the source to write (at least 1)",
            HelpName = "N",
            CustomParser = ParseRepeat,
        };

        var buses = new Option<long>("--buses")
        {
            Description = "Instead of copying a log, write N made-up bus positions as XML (the shape of data/buses.xml; the same N, the same bytes)",
            HelpName = "N",
            CustomParser = ParseBuses,
        };

        var source = new Option<string>("--source")
        {
            Description = "The file whose bytes are copied",
            HelpName = "file",
            DefaultValueFactory = _ => DefaultSource,
        };

        var output = new Argument<string>("out")
        {
            Description = "The file to write; replaced if it exists",
        };

        var command = new Command("gen", "Write N copies of a log's bytes to one file, or N bus positions as XML, to make big inputs for benchmarks")
        {
            repeat,
            buses,
            source,
            output,
        };

        // Which options were given, not their values: a validator must not read a value that failed to parse.
        command.Validators.Add(result =>
        {
            bool copies = result.GetResult(repeat) is not null;
            bool xml = result.GetResult(buses) is not null;
            if (copies == xml)
            {
                result.AddError(copies
                    ? "--repeat and --buses make different files: give one of them."
                    : "Option '--repeat' is required: --repeat N copies a log (or --buses N writes bus positions as XML).");
            }
            else if (xml && result.GetResult(source) is not null)
            {
                result.AddError("--source goes with --repeat: --buses makes its data up.");
            }
        });
        command.SetAction(parseResult =>
        {
            if (parseResult.GetResult(buses) is not null)
            {
                return WriteBuses(new BusPositions(parseResult.GetValue(buses), parseResult.GetValue(output)!));
            }

            string from = parseResult.GetValue(source)!;
            string to = parseResult.GetValue(output)!;

            // Checked here, not in a command validator: those run even when an option's value failed
            // to parse, and reading that value there throws.
            if (LogRepeater.SameFile(from, to))
            {
                return UsageErrors.Report(
                    ["The output must not be the source: it would be emptied before it is read."], parseResult, Console.Error);
            }

            var repeater = new LogRepeater(from, parseResult.GetValue(repeat), to);
            using var interruption = new Interruption();
            using (DelayedProgress.StartOnTerminal("Writing", () => repeater.TotalBytes, () => repeater.BytesWritten))
            {
                repeater.Run(interruption.Token);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static int WriteBuses(BusPositions positions)
    {
        using var interruption = new Interruption();
        using (DelayedProgress.StartOnTerminal("Writing", () => positions.Total, () => positions.Written))
        {
            positions.Run(interruption.Token);
        }

        return ExitCodes.Success;
    }

    private static long ParseBuses(ArgumentResult result) => WholeNumber(result, "--buses", "buses", minimum: 0);

    private static int ParseRepeat(ArgumentResult result) => (int)WholeNumber(result, "--repeat", "copies", minimum: 1, maximum: int.MaxValue);

    /// <summary>
    /// The option's whole number, from <paramref name="minimum"/> to <paramref name="maximum"/>. Parsed
    /// here rather than checked in a validator: a validator reading a value that failed to convert
    /// ("two") would throw instead of reporting it.
    /// </summary>
    private static long WholeNumber(ArgumentResult result, string option, string unit, long minimum, long maximum = long.MaxValue)
    {
        if (result.Tokens.Count == 0)
        {
            return 0;
        }

        string token = result.Tokens[0].Value;
        if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) || value > maximum)
        {
            result.AddError($"{option} takes a whole number of {unit}, not '{token}'.");
            return 0;
        }

        if (value < minimum)
        {
            result.AddError(minimum == 0 ? $"{option} cannot be negative, not {value}." : $"{option} must be at least {minimum}, not {value}.");
        }

        return value;
    }
}

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using LogLinq.Cli.Gen;
using LogLinq.Cli.Simulate;
using LogLinq.Cli.Terminal;
using LogLinq.Pipeline;

namespace LogLinq.Cli.Commands;

/// <summary><c>loglinq simulate</c>: replays a log into a file at its original pace, a stand-in web server.</summary>
internal static class SimulateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var source = new Option<string>("--source")
        {
            Description = "The log whose lines are replayed (a glob: its files in order; compressed files are read as they are)",
            HelpName = "glob",
            DefaultValueFactory = _ => GenCommand.DefaultSource,
        };

        var speed = new Option<double>("--speed")
        {
            Description = "How many times faster than the original pace; 0 writes as fast as it can",
            HelpName = "factor",
            DefaultValueFactory = _ => 1,
            CustomParser = ParseSpeed,
        };

        var output = new Argument<string>("out")
        {
            Description = "The file to append the lines to, created if missing",
        };

        var command = new Command("simulate", "Append a log's lines to a file with the original gaps between their times, "
            + "divided by --speed: a stand-in web server for following and live queries")
        {
            source,
            speed,
            output,
        };
        command.SetAction(parseResult =>
        {
            string to = parseResult.GetValue(output)!;
            List<string> from = [.. LogPipeline.Find(parseResult.GetValue(source)!)];
            if (from.Any(file => LogRepeater.SameFile(file, to)))
            {
                return UsageErrors.Report(
                    ["The output must not be the source: it would grow as fast as it is read."], parseResult, Console.Error);
            }

            using var interruption = new Interruption();
            new LogSimulator(from, parseResult.GetValue(speed), to).Run(interruption.Token);
            return ExitCodes.Success;
        });
        return command;
    }

    private static double ParseSpeed(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return 1;
        }

        string token = result.Tokens[0].Value;
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double speed) || !double.IsFinite(speed))
        {
            result.AddError($"--speed takes a number, not '{token}'.");
        }
        else if (speed < 0)
        {
            result.AddError($"--speed must be 0 or more, not {token}.");
        }

        return speed;
    }
}

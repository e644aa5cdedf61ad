using System.CommandLine;
using LogLinq.Cli.Gen;
using LogLinq.Cli.Terminal;

namespace LogLinq.Cli.Commands;

/// <summary><c>loglinq gen</c>: makes a big log from a small one, for benchmarks.</summary>
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
            Required = true,
        };
        repeat.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--repeat must be at least 1.");
            }
        });

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

        var command = new Command("gen", "Write N copies of a log's bytes to one file, to make big inputs for benchmarks")
        {
            repeat,
            source,
            output,
        };
        command.Validators.Add(result =>
        {
            // An option left out has no value yet when command validators run: fall back to its default.
            string from = result.GetValue(source) ?? DefaultSource;
            string? to = result.GetValue(output);
            if (to is not null && LogRepeater.SameFile(from, to))
            {
                result.AddError("The output must not be the source: it would be emptied before it is read.");
            }
        });

        command.SetAction(parseResult =>
        {
            var repeater = new LogRepeater(parseResult.GetValue(source)!, parseResult.GetValue(repeat), parseResult.GetValue(output)!);
            using var interruption = new Interruption();
            using (DelayedProgress.StartOnTerminal("Writing", () => repeater.TotalBytes, () => repeater.BytesWritten))
            {
                repeater.Run(interruption.Token);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

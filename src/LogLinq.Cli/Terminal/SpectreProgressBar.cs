using Spectre.Console;

namespace LogLinq.Cli.Terminal;

/// <summary>
/// Draws a byte-counting progress bar on stderr with Spectre.Console. Kept apart from
/// <see cref="DelayedProgress"/> so that Spectre's assembly is loaded only when a bar is drawn.
/// </summary>
internal static class SpectreProgressBar
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Shows the bar until <paramref name="finished"/> is set, then clears it.</summary>
    public static void Show(string description, long total, Func<long> done, ManualResetEventSlim finished)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            // Spectre's detection wants stdin, stdout and stderr all on the terminal, but the bar is
            // most welcome when stdout is piped elsewhere; the caller has checked stderr.
            Interactive = InteractionSupport.Yes,
        });

        if (!console.Profile.Capabilities.Ansi)
        {
            // A dumb terminal cannot redraw a line: it would get a line per refresh. Show nothing.
            finished.Wait();
            return;
        }

        console.Progress()
            .AutoClear(true)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new DownloadedColumn { Base = FileSizeBase.Decimal },
                new TransferSpeedColumn { Base = FileSizeBase.Decimal },
                new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(description, maxValue: Math.Max(total, 1));
                do
                {
                    task.Value = Math.Min(done(), task.MaxValue);
                }
                while (!finished.Wait(PollInterval));
            });
    }
}

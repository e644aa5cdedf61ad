using LogLinq.Cli.Terminal;
using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Cli.Report;

/// <summary>Asks a <see cref="TutorialReport"/> of the logs, with a progress bar on a terminal.</summary>
internal static class ReportScan
{
    /// <summary>
    /// Scans the files matching <paramref name="globs"/> once, with a progress bar on a terminal when
    /// it takes a while.
    /// </summary>
    /// <param name="globs">Which files to read.</param>
    /// <param name="format">How their lines are parsed.</param>
    /// <param name="strict">Whether the first malformed line stops the scan with a <see cref="MalformedLogException"/>.</param>
    /// <param name="parseReport">Counts the records and malformed lines met.</param>
    /// <param name="cancellationToken">Stops the scan (Ctrl-C).</param>
    public static TutorialReport Run(
        IReadOnlyList<string> globs,
        LogFormat format,
        bool strict,
        ParseReport parseReport,
        CancellationToken cancellationToken)
    {
        // Listed up front: a glob that matches nothing fails before anything is read, and the
        // progress bar knows the whole job.
        string[] files = [.. LogPipeline.Find([.. globs])];
        long total = files.Sum(FoundFileSize.Of);
        var counters = new ReadCounters();
        var options = new LogSourceOptions
        {
            Format = format,
            Strict = strict,
            SkipDamagedFiles = true, // named after the report, which then exits 1
            Report = parseReport,
            Counters = counters,
            CancellationToken = cancellationToken,
        };

        using (DelayedProgress.StartOnTerminal("Scanning", () => total, () => Math.Min(counters.BytesRead, total)))
        {
            return TutorialReport.Ask(LogSource.Open(globs, options));
        }
    }
}

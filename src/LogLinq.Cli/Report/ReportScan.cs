using LogLinq.Cli.Terminal;
using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Cli.Report;

/// <summary>Reads the logs once, feeding every record to a <see cref="TutorialReport"/>.</summary>
internal static class ReportScan
{
    /// <summary>
    /// Scans the files matching <paramref name="globs"/>, with a progress bar on a terminal when it
    /// takes a while.
    /// </summary>
    /// <param name="globs">Which files to read.</param>
    /// <param name="format">How their lines are parsed.</param>
    /// <param name="strict">Whether the first malformed line stops the scan with a <see cref="MalformedLogException"/>.</param>
    /// <param name="parseReport">Counts the records and malformed lines met.</param>
    /// <param name="cancellationToken">Stops the scan between records (Ctrl-C).</param>
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
        var counters = new ReadCounters();
        var position = new ScanPosition(files, counters);
        var report = new TutorialReport();

        using (DelayedProgress.StartOnTerminal("Scanning", position.TotalBytes, position.BytesDone))
        {
            IEnumerable<LogRecord> records = files
                .Open(counters)
                .Select(file =>
                {
                    position.Reached(file.Path);
                    return file;
                })
                .Cat()
                .Parse(format, parseReport, strict);

            foreach (LogRecord record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                report.Add(record);
            }
        }

        return report;
    }
}

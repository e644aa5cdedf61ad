using System.Globalization;
using LogLinq.Cli.Terminal;

namespace LogLinq.Cli.Report;

/// <summary>
/// The one-line answers of a <see cref="TutorialReport"/>, as label and value, shared by the plain
/// text and the terminal table so both say the same thing.
/// </summary>
internal static class ReportSummary
{
    /// <summary>The question each answer is for, and the answer in words.</summary>
    public static IReadOnlyList<(string Label, string Value)> Lines(TutorialReport report, long malformed)
    {
        string largest = report.Largest is { } l
            ? $"{VisibleText.Of(l.Path)} ({Number(l.Bytes)} bytes)"
            : "-";
        return
        [
            ("Records read", Number(report.Records)),
            ("Malformed lines", Number(malformed)),
            ("Total bytes transferred", $"{Number(report.TotalBytes)} ({ByteSize.Format(report.TotalBytes)})"),
            ("Requests over 1 MB", Number(report.OverOneMegabyte)),
            ("Largest document", largest),
            ("Unique hosts", Number(report.UniqueHosts)),
            ("Documents not found (404)", Number(report.BrokenDocuments.Count)),
            ($"Hosts that fetched {TutorialReport.RobotsPath}", Number(report.RobotsHosts.Count)),
        ];
    }

    /// <summary>Plain digits: what a reader can paste and a script can grep.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}

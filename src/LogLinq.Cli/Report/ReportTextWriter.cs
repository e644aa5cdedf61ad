using LogLinq.Cli.Terminal;

namespace LogLinq.Cli.Report;

/// <summary>
/// Writes a <see cref="TutorialReport"/> as aligned plain text: no colour, no box drawing, so it reads
/// the same in a pipe, a file or a CI log. The short answers come first, so <c>head</c> shows them.
/// Paths and hosts are the logs' text, shown with their control characters escaped (<see cref="VisibleText"/>).
/// </summary>
internal static class ReportTextWriter
{
    /// <summary>Writes the report to <paramref name="output"/>, each list cut after <paramref name="limit"/> entries (0: none cut).</summary>
    public static void Write(TextWriter output, TutorialReport report, long malformed, int limit)
    {
        IReadOnlyList<(string Label, string Value)> summary = ReportSummary.Lines(report, malformed);
        int width = summary.Max(line => line.Label.Length);
        foreach ((string label, string value) in summary)
        {
            output.Write(label.PadRight(width + 2));
            output.WriteLine(value);
        }

        IReadOnlyList<DownloadCount> top = report.TopDownloads;
        output.WriteLine();
        output.WriteLine("Most downloaded files (status 200)");
        int countWidth = Math.Max("Requests".Length, top.Count == 0 ? 0 : ReportSummary.Number(top[0].Count).Length);
        output.WriteLine($"  {"Requests".PadLeft(countWidth)}  Path");
        foreach (DownloadCount download in top)
        {
            output.WriteLine($"  {ReportSummary.Number(download.Count).PadLeft(countWidth)}  {VisibleText.Of(download.Path)}");
        }

        WriteList(output, "Documents not found (404)", report.BrokenDocuments, limit);
        WriteList(output, $"Hosts that fetched {TutorialReport.RobotsPath}", report.RobotsHosts, limit);
    }

    private static void WriteList(TextWriter output, string title, IReadOnlyList<string> items, int limit)
    {
        output.WriteLine();
        output.WriteLine($"{title}: {items.Count}");
        int shown = ReportLists.Shown(items.Count, limit);
        foreach (string item in items.Take(shown))
        {
            output.Write("  ");
            output.WriteLine(VisibleText.Of(item));
        }

        if (shown < items.Count)
        {
            output.WriteLine($"  {ReportLists.More(items.Count - shown)}");
        }
    }
}

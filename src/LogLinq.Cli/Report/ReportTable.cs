using LogLinq.Cli.Terminal;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LogLinq.Cli.Report;

/// <summary>
/// Draws a <see cref="TutorialReport"/> on a terminal with Spectre.Console. Only ever called when
/// stdout is a terminal, so redirected runs never load Spectre. Paths and hosts are the logs' text,
/// shown with their control characters escaped (<see cref="VisibleText"/>).
/// </summary>
internal static class ReportTable
{
    /// <summary>Draws the report on the terminal behind stdout, each list cut after <paramref name="limit"/> entries (0: none cut).</summary>
    public static void Write(TutorialReport report, long malformed, int limit)
    {
        IAnsiConsole console = AnsiConsole.Console;

        Table summary = new Table().Border(TableBorder.Rounded).Title("[bold]Log report[/]")
            .AddColumn("Question")
            .AddColumn("Answer");
        foreach ((string label, string value) in ReportSummary.Lines(report, malformed))
        {
            summary.AddRow(new Text(label), new Text(value));
        }

        console.Write(summary);

        Table downloads = new Table().Border(TableBorder.Rounded).Title("[bold]Most downloaded files (status 200)[/]")
            .AddColumn(new TableColumn("Requests").RightAligned())
            .AddColumn("Path");
        foreach (DownloadCount download in report.TopDownloads)
        {
            downloads.AddRow(new Text(ReportSummary.Number(download.Count)), new Text(VisibleText.Of(download.Path)));
        }

        console.Write(downloads);

        WriteList(console, "Documents not found (404)", report.BrokenDocuments, limit);
        WriteList(console, $"Hosts that fetched {TutorialReport.RobotsPath}", report.RobotsHosts, limit);
    }

    private static void WriteList(IAnsiConsole console, string title, IReadOnlyList<string> items, int limit)
    {
        // Laid out in columns like ls: a long list of short names stays a screenful.
        int shown = ReportLists.Shown(items.Count, limit);
        IRenderable body = items.Count == 0
            ? new Text("none")
            : new Columns(items.Take(shown).Select(item => new Text(VisibleText.Of(item)))).Collapse();
        if (shown < items.Count)
        {
            body = new Rows(body, new Text(ReportLists.More(items.Count - shown), new Style(decoration: Decoration.Dim)));
        }

        console.Write(new Panel(body)
            .Header($"{Markup.Escape(title)}: {items.Count}")
            .Border(BoxBorder.Rounded)
            .Expand());
    }
}

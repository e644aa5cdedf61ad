namespace LogLinq.Cli.Report;

/// <summary>How the report cuts a long list, in the same words on a terminal and in text.</summary>
internal static class ReportLists
{
    /// <summary>How many of <paramref name="count"/> entries are shown under <paramref name="limit"/> (0: all).</summary>
    public static int Shown(int count, int limit) => limit == 0 ? count : Math.Min(count, limit);

    /// <summary>The line that says how many more there are, and how to see them.</summary>
    public static string More(int hidden) => $"... {ReportSummary.Number(hidden)} more (--limit 0 shows them all)";
}

namespace LogLinq.Cli.Report;

/// <summary>How <c>loglinq report</c> prints its answers.</summary>
internal enum ReportFormat
{
    /// <summary>For people: a table on a terminal, aligned plain text elsewhere.</summary>
    Table,

    /// <summary>For programs: one JSON object.</summary>
    Json,
}

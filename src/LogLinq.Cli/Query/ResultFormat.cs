namespace LogLinq.Cli.Query;

/// <summary>How <c>loglinq query</c> and <c>loglinq run</c> print a result.</summary>
internal enum ResultFormat
{
    /// <summary>Aligned columns, numbers to the right: a drawn table on a terminal, plain text elsewhere.</summary>
    Table,

    /// <summary>RFC 4180: a header row, commas, CRLF line ends, quotes where needed.</summary>
    Csv,

    /// <summary>One JSON object per row, per line, keyed by column name.</summary>
    Json,

    /// <summary>A header row, tabs between values; tab, newline and backslash escaped as \t \n \\.</summary>
    Tsv,
}

namespace LogLinq.Formats;

/// <summary>
/// CSV logs: delimited rows (by commas, or by tabs where the header has one) under a header row that
/// names the columns, as Google Cloud Storage's usage logs, Cloudflare's Logpush in CSV and spreadsheet
/// or BigQuery exports write them. Its rows are what its header says, as a W3C file's lines are: a range
/// past the head is read with the head's header, and again where another was in force (<c>RangeHeaders</c>).
/// </summary>
internal sealed class CsvLogFormat : LogFormat
{
    public override string Name => "csv";

    internal override LineParser CreateParser() => new CsvLineParser();

    internal override bool LinesStandAlone => false;
}

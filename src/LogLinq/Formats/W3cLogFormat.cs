namespace LogLinq.Formats;

/// <summary>
/// The W3C extended log format, as IIS writes it: <c>#</c> directives, among them <c>#Fields:</c>
/// naming the space-separated fields of the lines that follow. Times are UTC.
/// </summary>
internal sealed class W3cLogFormat : LogFormat
{
    public override string Name => "w3c";

    internal override LineParser CreateParser() => new W3cLineParser();

    internal override bool LinesStandAlone => false;
}

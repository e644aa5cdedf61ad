namespace LogLinq.Formats;

/// <summary>Squid's native access log format (<c>logformat squid</c>, its default): one request a line.</summary>
internal sealed class SquidLogFormat : LogFormat
{
    public override string Name => "squid";

    internal override LineParser CreateParser() => new SquidLineParser();
}

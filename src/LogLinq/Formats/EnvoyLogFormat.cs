namespace LogLinq.Formats;

/// <summary>Envoy's default access log format (and Istio's sidecars' text format): one request a line.</summary>
internal sealed class EnvoyLogFormat : LogFormat
{
    public override string Name => "envoy";

    internal override LineParser CreateParser() => new UnwrappingLineParser(new EnvoyLineParser());
}

namespace LogLinq.Formats;

/// <summary>
/// HAProxy's HTTP log format (<c>option httplog</c>) and TCP log format, as it sends them to syslog
/// (the header before each line is taken off) or writes them raw to stdout.
/// </summary>
internal sealed class HaproxyLogFormat : LogFormat
{
    public override string Name => "haproxy";

    internal override LineParser CreateParser() => new UnwrappingLineParser(new HaproxyLineParser());
}

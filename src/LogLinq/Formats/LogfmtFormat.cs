namespace LogLinq.Formats;

/// <summary>
/// logfmt lines (<c>method=GET path=/ status=200 bytes=13</c>), as Heroku's router and many Go
/// services write requests; behind a syslog or container runtime's header, or inside Docker's JSON, too.
/// </summary>
internal sealed class LogfmtFormat : LogFormat
{
    public override string Name => "logfmt";

    internal override LineParser CreateParser() => new UnwrappingLineParser(new LogfmtLineParser());
}

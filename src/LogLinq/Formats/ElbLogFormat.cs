namespace LogLinq.Formats;

/// <summary>
/// The access logs AWS Elastic Load Balancing writes to S3: an Application Load Balancer's lines
/// (the listener type first) and a Classic Load Balancer's (the time first), one request a line.
/// </summary>
internal sealed class ElbLogFormat : LogFormat
{
    public override string Name => "elb";

    internal override LineParser CreateParser() => new ElbLineParser();
}

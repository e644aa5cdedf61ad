namespace LogLinq.Formats;

/// <summary>The server access logs Amazon S3 writes for a bucket: one request a line.</summary>
internal sealed class S3LogFormat : LogFormat
{
    public override string Name => "s3";

    internal override LineParser CreateParser() => new S3LineParser();
}

namespace LogLinq.Formats;

/// <summary>mod_ssl's <c>ssl_request_log</c>, as Red Hat's <c>ssl.conf</c> writes it: one request a line.</summary>
internal sealed class SslRequestLogFormat : LogFormat
{
    public override string Name => "ssl_request";

    internal override LineParser CreateParser() => new SslRequestLineParser();
}

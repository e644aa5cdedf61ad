namespace LogLinq.Formats;

/// <summary>A log file format: how the lines of a file become <see cref="Records.LogRecord"/>s.</summary>
public abstract class LogFormat
{
    private static readonly Dictionary<string, LogFormat> ByName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>NCSA Common format; Combined lines are accepted too.</summary>
    public static LogFormat Common { get; } = Register(new CommonLogFormat("common", requireCombined: false));

    /// <summary>NCSA Combined format (Apache <c>combined</c>, nginx's default): Common plus referrer and user agent.</summary>
    public static LogFormat Combined { get; } = Register(new CommonLogFormat("combined", requireCombined: true));

    /// <summary>W3C extended log format, as IIS writes it: fields named by <c>#Fields:</c> directives, times in UTC.</summary>
    public static LogFormat W3c { get; } = Register(new W3cLogFormat());

    /// <summary>JSON lines: one object per line, with the key spellings of nginx, Logstash and the like.</summary>
    public static LogFormat JsonLines { get; } = Register(new JsonLinesFormat());

    /// <summary>AWS Elastic Load Balancing access logs: Application and Classic Load Balancers' lines.</summary>
    public static LogFormat Elb { get; } = Register(new ElbLogFormat());

    /// <summary>HAProxy's HTTP (and TCP) log format, behind a syslog header or not.</summary>
    public static LogFormat Haproxy { get; } = Register(new HaproxyLogFormat());

    /// <summary>Amazon S3's server access logs.</summary>
    public static LogFormat S3 { get; } = Register(new S3LogFormat());

    /// <summary>Squid's native access log format.</summary>
    public static LogFormat Squid { get; } = Register(new SquidLogFormat());

    /// <summary>
    /// mod_ssl's <c>ssl_request_log</c> (Red Hat's <c>ssl.conf</c>): <c>[time] host protocol cipher "request" bytes</c>,
    /// without a status (0 in every record).
    /// </summary>
    public static LogFormat SslRequest { get; } = Register(new SslRequestLogFormat());

    /// <summary>
    /// Envoy's default access log format, <c>[start time] "request" status flags received sent duration ...</c>,
    /// and Istio's sidecars' text format, which adds fields to it.
    /// </summary>
    public static LogFormat Envoy { get; } = Register(new EnvoyLogFormat());

    /// <summary>logfmt: <c>key=value</c> pairs, as Heroku's router and many Go services log requests.</summary>
    public static LogFormat Logfmt { get; } = Register(new LogfmtFormat());

    /// <summary>Detects each file's format from its first lines.</summary>
    public static LogFormat Auto { get; } = Register(new AutoLogFormat());

    /// <summary>The name used in options and in the query language.</summary>
    public abstract string Name { get; }

    /// <summary>The names every registered format answers to.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>The format called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No format has that name; the message lists those that do.</exception>
    public static LogFormat FromName(string name) =>
        ByName.TryGetValue(name, out LogFormat? format)
            ? format
            : throw new ArgumentException($"unknown log format '{name}' (known: {string.Join(", ", ByName.Keys)})", nameof(name));

    /// <summary>A parser for the lines of one file.</summary>
    internal abstract LineParser CreateParser();

    /// <summary>
    /// Whether each line reads the same wherever the file is cut, so that a big file can be read in
    /// parts at once: not so for W3C, whose lines are what the <c>#Fields:</c> directive before them says.
    /// </summary>
    internal virtual bool LinesStandAlone => true;

    /// <inheritdoc/>
    public override string ToString() => Name;

    private protected static LogFormat Register(LogFormat format)
    {
        ByName[format.Name] = format;
        return format;
    }
}

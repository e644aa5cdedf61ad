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

    /// <summary>
    /// CSV: delimited rows under a header row naming the columns (commas, or tabs where the header has one),
    /// as Google Cloud Storage's usage logs, Cloudflare's Logpush and spreadsheet exports write them.
    /// </summary>
    public static LogFormat Csv { get; } = Register(new CsvLogFormat());

    /// <summary>Detects each file's format from its first lines.</summary>
    public static LogFormat Auto { get; } = Register(new AutoLogFormat());

    /// <summary>
    /// Apache httpd's log format as its <c>LogFormat</c> or <c>CustomLog</c> directive defines it
    /// (mod_log_config), such as <c>%h %l %u %t "%r" %&gt;s %b "%{Referer}i" "%{User-Agent}i" %D</c>. Each
    /// directive fills the record's field it writes: <c>%h</c> <c>%a</c> the host, <c>%l</c> the ident,
    /// <c>%u</c> the user, <c>%t</c> (or <c>%{sec}t</c>, <c>%{msec}t</c>, <c>%{usec}t</c>, or a
    /// <c>strftime</c> pattern of fixed-width conversions, read as UTC without <c>%z</c>; a piece
    /// without a date, as <c>%{msec_frac}t</c> or <c>%{%z}t</c>, is read past) the time,
    /// <c>%r</c> the request (or <c>%m</c>, <c>%U%q</c>, <c>%H</c> its parts), <c>%&gt;s</c> the
    /// status, <c>%b</c> <c>%B</c> the bytes (<c>%O</c> where neither is written), <c>%{Referer}i</c>
    /// and <c>%{User-Agent}i</c>, <c>%v</c> <c>%V</c> the virtual host (<c>%v:%p</c> with its port),
    /// and <c>%D</c> (microseconds), <c>%T</c>, <c>%{ms}T</c>, <c>%{us}T</c> the duration. Every other
    /// directive (<c>%p</c>, <c>%I</c>, <c>%X</c>, <c>%{X-Forwarded-For}i</c>, ...) is read past;
    /// where two write one field, the first is kept. A line not in the format is malformed.
    /// </summary>
    /// <param name="logFormat">The format string, without the quotes the configuration puts around it; <c>\"</c> is read as a quote, as Apache reads it.</param>
    /// <returns>The format, named <c>apache("...")</c> as the query language writes it.</returns>
    /// <exception cref="ArgumentException">
    /// A directive Apache does not have, one whose value cannot be read back (a time pattern with a
    /// day's name), two directives with nothing between them, or a format without a time; the message
    /// names the directive and where it is.
    /// </exception>
    public static LogFormat Apache(string logFormat)
    {
        ArgumentNullException.ThrowIfNull(logFormat);
        return new DirectiveLogFormat("apache", logFormat, DirectiveLayout.Create(ApacheDirectives.Read(logFormat)));
    }

    /// <summary>
    /// nginx's log format as its <c>log_format</c> directive defines it, such as
    /// <c>$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_time</c>,
    /// or the directive itself as nginx.conf writes it, pasted whole:
    /// <c>log_format main '$remote_addr - $remote_user [$time_local] "$request" ' '$status $body_bytes_sent ...';</c>.
    /// Each variable fills the record's field it writes: <c>$remote_addr</c> the host,
    /// <c>$remote_user</c> the user, <c>$time_local</c>, <c>$time_iso8601</c> or <c>$msec</c> the time,
    /// <c>$request</c> the request (or <c>$request_method</c>, <c>$request_uri</c> or
    /// <c>$uri$is_args$args</c>, <c>$server_protocol</c> its parts), <c>$status</c>,
    /// <c>$body_bytes_sent</c> the bytes (<c>$bytes_sent</c> where it is not written),
    /// <c>$http_referer</c>, <c>$http_user_agent</c>, <c>$host</c> <c>$server_name</c>
    /// <c>$http_host</c> the virtual host, and <c>$request_time</c> the duration (<c>-</c> is none).
    /// Every other variable is read past; where two write one field, the first is kept. A line not in
    /// the format is malformed.
    /// </summary>
    /// <param name="logFormat">
    /// The format, in one of three forms. Bare, as it is inside the configuration's quotes, its escapes
    /// (<c>\"</c>, <c>\'</c>, <c>\\</c>, <c>\n</c>, <c>\t</c>, <c>\r</c>) read as nginx reads them. A whole
    /// <c>log_format NAME [escape=default|json|none] '...' "..." ...;</c>: the name and the parameter
    /// are read past and the quoted pieces joined with nothing between them, as nginx joins them
    /// (<c>escape=json</c> and <c>escape=none</c> are read as the default is: values are kept as
    /// written, <c>\x22</c> or <c>\"</c> alike, and a quoted field ends at a quote without a backslash
    /// before it). Only quoted pieces, <c>'...' '...'</c>, joined likewise; where they cannot be read so
    /// but the text as it stands can (<c>"$time_iso8601" "$request"</c>, each field in quotes of the
    /// line's own), it is read as it stands.
    /// </param>
    /// <returns>The format, named <c>nginx("...")</c> as the query language writes it.</returns>
    /// <exception cref="ArgumentException">
    /// A <c>$</c> without a variable's name, two variables with nothing between them, or a format
    /// without a time; in a <c>log_format</c> directive, one without a name, an <c>escape=</c> nginx does
    /// not have, a quote not closed, or text after its <c>;</c>. The message names the mistake and
    /// where it is in <paramref name="logFormat"/>.
    /// </exception>
    public static LogFormat Nginx(string logFormat)
    {
        ArgumentNullException.ThrowIfNull(logFormat);
        return new DirectiveLogFormat("nginx", logFormat, NginxConfigText.Layout(logFormat));
    }

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
    /// Whether each line reads the same wherever the file is cut: not so for W3C, whose lines are what
    /// the <c>#Fields:</c> directive before them says, nor for CSV, whose rows are what the header row
    /// says. A range of such a file is read with the header read from the file's head first, and read
    /// again where the header in force there was another (<c>ScanPart.ReadsHeadFirst</c>).
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

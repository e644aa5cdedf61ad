using System.Text;
using LogLinq.Formats;

namespace LogLinq.Records;

/// <summary>
/// One request from a web-server log, typed. Records parsed from the NCSA formats keep their line's
/// bytes and make a string for a text field only when that field is first read; a record never
/// shares a buffer with the reader, so it may be kept, listed and sorted freely.
/// </summary>
public sealed class LogRecord
{
    private byte[]? _line;
    private int _lineStart;
    private int _lineLength;
    private TimeSpan? _duration;
    private CommonLogFields _fields;
    private string? _host;
    private string? _ident;
    private string? _user;
    private string? _method;
    private string? _path;
    private string? _protocol;
    private string? _referrer;
    private string? _userAgent;
    private string? _virtualHost;

    /// <summary>Creates a record from values, for formats that are not parsed from NCSA lines.</summary>
    public LogRecord(
        string host,
        DateTimeOffset time,
        string method,
        string path,
        string protocol,
        int status,
        long bytes,
        string? referrer = null,
        string? userAgent = null,
        string ident = "-",
        string user = "-",
        string file = "",
        long lineNumber = 0,
        string? virtualHost = null,
        TimeSpan? duration = null)
    {
        _host = host;
        _ident = ident;
        _user = user;
        _method = method;
        _path = path;
        _protocol = protocol;
        _referrer = referrer;
        _userAgent = userAgent;
        _virtualHost = virtualHost;
        Time = time;
        Status = status;
        Bytes = bytes;
        _duration = duration;
        File = file;
        LineNumber = lineNumber;
    }

    internal LogRecord(byte[] line, in CommonLogFields fields, string file, long lineNumber)
    {
        _line = line;
        _lineLength = line.Length;
        _fields = fields;
        Time = fields.Time;
        Status = fields.Status;
        Bytes = fields.Bytes;
        File = file;
        LineNumber = lineNumber;
    }

    /// <summary>A view, bound to one line after another by <see cref="Bind"/>.</summary>
    internal LogRecord()
    {
        File = string.Empty;
    }

    private LogRecord(LogRecord other, long lineNumber)
    {
        (_line, _lineStart, _lineLength, _fields, File, LineNumber) = (other._line, other._lineStart, other._lineLength, other._fields, other.File, lineNumber);
        (_host, _ident, _user, _method, _path, _protocol, _referrer, _userAgent, _virtualHost) =
            (other._host, other._ident, other._user, other._method, other._path, other._protocol, other._referrer, other._userAgent, other._virtualHost);
        (Time, Status, Bytes, _duration) = (other.Time, other.Status, other.Bytes, other._duration);
    }

    /// <summary>The same record at another line number (a parallel scan learns the real one late).</summary>
    internal LogRecord WithLineNumber(long lineNumber) => new(this, lineNumber);

    /// <summary>
    /// Points a view at a line in a reader's buffer, without copying it: for code that only reads
    /// fields during a scan and never keeps the record (the planner checks), so no line costs a copy.
    /// </summary>
    internal void Bind(byte[] buffer, int start, int length, in CommonLogFields fields, string file, long lineNumber)
    {
        (_line, _lineStart, _lineLength, _fields) = (buffer, start, length, fields);
        (_host, _ident, _user, _method, _path, _protocol, _referrer, _userAgent, _virtualHost) = (null, null, null, null, null, null, null, null, null);
        (Time, Status, Bytes, File, LineNumber) = (fields.Time, fields.Status, fields.Bytes, file, lineNumber);
    }

    /// <summary>The client's address or host name.</summary>
    public string Host => _host ??= Text(_fields.Host)!;

    /// <summary>The RFC 1413 identity, almost always "-".</summary>
    public string Ident => _ident ??= Text(_fields.Ident)!;

    /// <summary>The authenticated user, "-" when none.</summary>
    public string User => _user ??= Text(_fields.User)!;

    /// <summary>When the request was received, in the log's own offset.</summary>
    public DateTimeOffset Time { get; private set; }

    /// <summary>The request method ("GET"); empty when the request line had none.</summary>
    public string Method => _method ??= Text(_fields.Method(Line))!;

    /// <summary>The requested path with its query string; for a malformed request line, what was there.</summary>
    public string Path => _path ??= Text(_fields.Path(Line))!;

    /// <summary>The protocol ("HTTP/1.1"); empty when the request line had none.</summary>
    public string Protocol => _protocol ??= Text(_fields.Protocol(Line))!;

    /// <summary>
    /// The response status code; 0 where the server logged none (Apache's "-", nginx's "000", Caddy's 0)
    /// and where the format has none (mod_ssl's <c>ssl_request_log</c>).
    /// </summary>
    public int Status { get; private set; }

    /// <summary>The size of the response body; 0 where the server logged "-".</summary>
    public long Bytes { get; private set; }

    /// <summary>The Referer header; null where the log format has none.</summary>
    public string? Referrer => _referrer ??= Text(_fields.Referrer);

    /// <summary>The User-Agent header; null where the log format has none.</summary>
    public string? UserAgent => _userAgent ??= Text(_fields.UserAgent);

    /// <summary>
    /// The virtual host that served the request, as the log wrote it: Apache's <c>%v:%p</c>
    /// (<c>example.com:80</c>) in <c>vhost_combined</c>, W3C's <c>cs-host</c>, a JSON log's
    /// <c>vhost</c>, <c>server_name</c> or Caddy's <c>request.host</c>, the host of an NCSA request that
    /// names an absolute URL (varnishncsa's); null where the line has none.
    /// </summary>
    public string? VirtualHost => _virtualHost ??= Text(_fields.VirtualHostIn(Line));

    /// <summary>
    /// How long the server took over the request, where the log records it: W3C's <c>time-taken</c>
    /// (IIS, CloudFront), the sum of an AWS load balancer's three processing times, HAProxy's total
    /// time (<c>Ta</c>, or <c>Tt</c>), Squid's elapsed time, S3's Total Time, a JSON log's
    /// <c>request_time</c> (nginx) or <c>duration</c> (Caddy, Traefik), a logfmt line's
    /// <c>duration</c>, <c>took</c> or <c>elapsed</c>, what nginx wrote after a Combined line's user
    /// agent (<c>rt=0.012</c>, or <c>timed_combined</c>'s bare <c>0.012</c>). Null where the format
    /// has none (Common, plain Combined) and where the line has none or says it is unknown (<c>-</c>, <c>-1</c>).
    /// </summary>
    // Of a line, looked for when read (an NCSA line's is after its user agent), not for every line bound.
    public TimeSpan? Duration => _line is null ? _duration : _fields.DurationIn(Line);

    /// <summary>The file the record was read from.</summary>
    public string File { get; private set; }

    /// <summary>The 1-based line number of the record in <see cref="File"/>.</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// The line the record was parsed from (or the record stream's bytes it was decoded from) and the
    /// ranges of its fields in it, so that a writer can copy fields without making strings; false for
    /// a record made from values.
    /// </summary>
    internal bool TryGetLine(out ReadOnlySpan<byte> line, out CommonLogFields fields)
    {
        line = _line is null ? default : Line;
        fields = _fields;
        return _line is not null;
    }

    /// <summary>The line's bytes (field ranges count from its start).</summary>
    private ReadOnlySpan<byte> Line => _line.AsSpan(_lineStart, _lineLength);

    private string? Text(FieldRange range) =>
        _line is null || range.IsNone ? null : Encoding.UTF8.GetString(range.Of(Line));

    /// <summary>
    /// The record in Combined log format (Common when it has neither referrer nor user agent), after
    /// its virtual host and a space when it has one, as Apache's <c>vhost_combined</c> writes it.
    /// </summary>
    public override string ToString()
    {
        string request = Method.Length == 0 && Protocol.Length == 0 ? Path : $"{Method} {Path} {Protocol}".Trim();
        // Fractions of a second are written only when there are any ("F" drops them and the point), so a
        // record parsed from "…:59.123 -0600" prints back as it was read; "-06:00" becomes "-0600".
        string time = Time.ToString("dd/MMM/yyyy:HH:mm:ss.FFFFFFF zzz", System.Globalization.CultureInfo.InvariantCulture);
        time = time.Remove(time.Length - 3, 1);
        string text = $"{Host} {Ident} {User} [{time}] \"{request}\" {(Status == 0 ? "-" : Status)} {Bytes}";
        text = Referrer is null && UserAgent is null ? text : $"{text} \"{Referrer ?? "-"}\" \"{UserAgent ?? "-"}\"";
        return VirtualHost is null ? text : $"{VirtualHost} {text}";
    }
}

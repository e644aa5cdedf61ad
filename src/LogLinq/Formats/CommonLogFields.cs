namespace LogLinq.Formats;

/// <summary>
/// The fields of one Common or Combined log line, found by <see cref="CommonLogParser"/>: text fields
/// as ranges into the line, numbers and the time already parsed (they are cheap and decide whether a
/// line is well formed).
/// </summary>
internal struct CommonLogFields
{
    /// <summary>The <c>%v:%p</c> that opens a <c>vhost_combined</c> line; <see cref="FieldRange.None"/> on any other.</summary>
    public FieldRange VirtualHost;
    public FieldRange Host;
    public FieldRange Ident;
    public FieldRange User;
    public FieldRange Request;
    private FieldRange _method;
    private FieldRange _path;
    private FieldRange _protocol;
    private bool _requestSplit;
    public FieldRange Referrer;
    public FieldRange UserAgent;
    public long TimeTicks;
    public short OffsetMinutes;
    public int Status;
    public long Bytes;

    /// <summary>
    /// How long the request took, where the format's parser read it; null for the NCSA formats,
    /// whose parsers never set it (so their per-line code does not pay for it: a struct starts out
    /// null). Read it through <see cref="DurationIn"/>, which also finds an NCSA line's.
    /// </summary>
    public TimeSpan? Duration;

    /// <summary>The parser's memory of the last day it decoded: it outlives the line, as this struct is reused.</summary>
    public HttpDate.DayCache Day;

    /// <summary>The same for the ISO 8601 times of a log that writes those.</summary>
    public IsoTime.DayCache IsoDay;

    /// <summary>
    /// How long the request took: <see cref="Duration"/> where the format's parser read it, else, on a
    /// Combined line, what nginx wrote after the user agent (<see cref="CombinedTail"/>), looked for
    /// only when asked, as the request's parts are.
    /// </summary>
    public readonly TimeSpan? DurationIn(ReadOnlySpan<byte> line) =>
        Duration ?? (IsLine && !UserAgent.IsNone ? CombinedTail.Duration(line[(UserAgent.Start + UserAgent.Length + 1)..]) : null);

    /// <summary>
    /// Whether the ranges are an NCSA line's own, found in it by a parser, rather than fields another
    /// format's parser or a record stream set apart (either <c>Set</c>, <see cref="SetDecoded"/>),
    /// which have no request line: a request line never starts a line.
    /// </summary>
    private readonly bool IsLine => Request.Start > 0;

    /// <summary>The time, built from the ticks the parser found only when something reads it.</summary>
    public readonly DateTimeOffset Time => HttpDate.ToDateTimeOffset(TimeTicks, OffsetMinutes);

    /// <summary>The request's method; the request line is split on first use, as most queries never ask.</summary>
    public FieldRange Method(ReadOnlySpan<byte> line)
    {
        SplitRequest(line);
        return _method;
    }

    /// <summary>
    /// The request's path; of a request that names an absolute URL (varnishncsa's <c>%r</c>, a forward
    /// proxy's request: <c>GET http://www.example.com/a HTTP/1.1</c>), the URL's path, as an ELB line's is.
    /// </summary>
    public FieldRange Path(ReadOnlySpan<byte> line)
    {
        SplitRequest(line);

        // A path of its own starts with '/': the one byte looked at on the path every line takes.
        return IsLine && _path.Length > 0 && line[_path.Start] != '/' ? UrlPart(line, host: false) : _path;
    }

    /// <summary>
    /// The virtual host: <see cref="VirtualHost"/> where the line has one; else a host name in the
    /// ident's place, where lighttpd's default format writes its <c>%V</c>
    /// (<c>%h %V %u %t "%r" %>s %b ...</c>: an identity is a user's name, not a dotted one); else the
    /// host of a request that names an absolute URL (with its port, as <c>vhost_combined</c>'s
    /// <c>%v:%p</c> has it).
    /// </summary>
    public FieldRange VirtualHostIn(ReadOnlySpan<byte> line)
    {
        if (!VirtualHost.IsNone || !IsLine)
        {
            return VirtualHost;
        }

        if (HostName.Looks(Ident.Of(line)))
        {
            return Ident;
        }

        SplitRequest(line);
        return _path.Length > 0 && line[_path.Start] != '/' ? UrlPart(line, host: true) : FieldRange.None;
    }

    /// <summary>
    /// The path of an absolute URL in the request, from the first '/' after its host (the last '/' of
    /// <c>://</c> when it has none: <c>/</c>), or its host; a target that is no URL (<c>*</c>, <c>-</c>) or
    /// whose query follows the host with no '/' between is left whole as the path, with no host.
    /// </summary>
    private readonly FieldRange UrlPart(ReadOnlySpan<byte> line, bool host)
    {
        ReadOnlySpan<byte> target = _path.Of(line);
        if (!AbsoluteUrl.TrySplit(target, out ReadOnlySpan<byte> urlHost, out ReadOnlySpan<byte> rest) || rest is [(byte)'?', ..] || urlHost.IsEmpty)
        {
            return host ? FieldRange.None : _path;
        }

        int hostStart = _path.Start + target.Length - rest.Length - urlHost.Length;
        return host ? new FieldRange(hostStart, urlHost.Length)
            : rest.IsEmpty ? new FieldRange(hostStart - 1, 1)
            : new FieldRange(_path.Start + target.Length - rest.Length, rest.Length);
    }

    /// <summary>The request's protocol.</summary>
    public FieldRange Protocol(ReadOnlySpan<byte> line)
    {
        SplitRequest(line);
        return _protocol;
    }

    /// <summary>
    /// Sets every field, for a parser that found them one by one in a line of another format (JSON,
    /// W3C, ELB, ...) and copied their text into a <see cref="FieldText"/> these ranges point into.
    /// The request's parts are set apart (there is no request line to split); a missing referrer,
    /// user agent or virtual host is <see cref="FieldRange.None"/>, a missing duration null.
    /// </summary>
    public void Set(
        FieldRange host,
        FieldRange ident,
        FieldRange user,
        DateTimeOffset time,
        FieldRange method,
        FieldRange path,
        FieldRange protocol,
        int status,
        long bytes,
        FieldRange referrer,
        FieldRange userAgent,
        FieldRange virtualHost,
        TimeSpan? duration = null) =>
        Set(host, ident, user, time.Ticks, (short)time.TotalOffsetMinutes, method, path, protocol, status, bytes, referrer, userAgent, virtualHost, duration);

    /// <summary>
    /// As <see cref="Set(FieldRange, FieldRange, FieldRange, DateTimeOffset, FieldRange, FieldRange, FieldRange, int, long, FieldRange, FieldRange, FieldRange, TimeSpan?)"/>,
    /// the time given as its local ticks and its offset from UTC, as they are kept.
    /// </summary>
    public void Set(
        FieldRange host,
        FieldRange ident,
        FieldRange user,
        long timeTicks,
        short offsetMinutes,
        FieldRange method,
        FieldRange path,
        FieldRange protocol,
        int status,
        long bytes,
        FieldRange referrer,
        FieldRange userAgent,
        FieldRange virtualHost,
        TimeSpan? duration)
    {
        (Host, Ident, User, Referrer, UserAgent, VirtualHost) = (host, ident, user, referrer, userAgent, virtualHost);
        (TimeTicks, OffsetMinutes) = (timeTicks, offsetMinutes);
        (Status, Bytes, Duration) = (status, bytes, duration);
        Request = new FieldRange(0, 0);
        SetRequestParts(method, path, protocol);
    }

    /// <summary>
    /// Sets the request's parts where a record stream kept them as fields of their own: there is no
    /// request line, and nothing after a user agent.
    /// </summary>
    public void SetDecoded(FieldRange method, FieldRange path, FieldRange protocol)
    {
        Request = new FieldRange(0, 0);
        SetRequestParts(method, path, protocol);
    }

    /// <summary>
    /// Sets the request's parts where they were found apart (a record stream keeps them as fields of
    /// their own), so they are never looked for in <see cref="Request"/>.
    /// </summary>
    public void SetRequestParts(FieldRange method, FieldRange path, FieldRange protocol)
    {
        (_method, _path, _protocol) = (method, path, protocol);
        _requestSplit = true;
    }

    /// <summary>
    /// Sets the request line, its parts to be split from it on first use: for a parser that reuses
    /// this struct from line to line without clearing it.
    /// </summary>
    public void SetRequest(FieldRange request)
    {
        Request = request;
        _requestSplit = false;
    }

    /// <summary>
    /// METHOD PATH PROTOCOL, leniently: a request that is "-", a bare path or garbage still yields what
    /// is there, and a path with spaces keeps them.
    /// </summary>
    private void SplitRequest(ReadOnlySpan<byte> line)
    {
        if (Volatile.Read(ref _requestSplit))
        {
            return;
        }

        ReadOnlySpan<byte> request = Request.Of(line);
        int start = Request.Start;
        _method = new FieldRange(start, 0);
        _protocol = new FieldRange(start + request.Length, 0);
        _path = Request;

        int first = request.IndexOf((byte)' ');
        if (first >= 0)
        {
            _method = new FieldRange(start, first);
            int last = request.LastIndexOf((byte)' ');
            if (last > first && request[(last + 1)..].StartsWith("HTTP/"u8))
            {
                _path = new FieldRange(start + first + 1, last - first - 1);
                _protocol = new FieldRange(start + last + 1, request.Length - last - 1);
            }
            else
            {
                _path = new FieldRange(start + first + 1, request.Length - first - 1);
            }
        }

        // Records may be read from several threads: the parts must be visible before the flag.
        Volatile.Write(ref _requestSplit, true);
    }
}

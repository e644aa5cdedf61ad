namespace LogLinq.Formats;

/// <summary>
/// What a collector may write before each line of a server's log, which is then the rest of the line.
/// A file's first line that is not blank tells which its lines carry (<see cref="LinePrefixReader"/>).
/// </summary>
internal enum LinePrefix
{
    /// <summary>The lines are the server's own.</summary>
    None,

    /// <summary>
    /// A syslog header, as rsyslog, journald or a server logging to syslog writes it: an optional
    /// <c>&lt;PRI&gt;</c>, a time (<c>Nov 26 12:00:01</c>, or ISO 8601 as rsyslog's file format and
    /// <c>journalctl -o short-iso</c> write it), the host and the tag:
    /// <c>Nov 26 12:00:01 web1 nginx[812]: </c>; or RFC 5424's, as rsyslog's
    /// <c>RSYSLOG_SyslogProtocol23Format</c> and syslog-ng's IETF output write it:
    /// <c>&lt;190&gt;1 2026-11-26T12:00:01.123Z web1 nginx 812 - - </c>.
    /// </summary>
    Syslog,

    /// <summary>
    /// A container runtime's (CRI: Kubernetes' <c>/var/log/containers/*.log</c>): the time, the stream
    /// and whether the line is whole or partial: <c>2026-11-26T12:00:01.123456789Z stdout F </c>.
    /// </summary>
    Container,

    /// <summary>
    /// The time a tool that saves a container's output puts first (<c>docker logs -t</c>,
    /// <c>kubectl logs --timestamps</c>): <c>2026-11-26T12:00:01.123456789Z </c>.
    /// </summary>
    Timestamp,

    /// <summary>
    /// The name of the service or container whose line it is, as a tool that merges several writes it
    /// (<c>docker compose logs</c>: <c>web-1  | </c>; <c>kubectl logs --prefix</c>:
    /// <c>[pod/web-7d9c8/nginx] </c>), and the time after it when the tool was asked for one.
    /// </summary>
    Service,
}

using System.Text;
using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// What the keys of one line gave, for formats that name each value (JSON lines, logfmt), and the
/// rules for keys that name the same field: a weak spelling gives way to any other, a request's start
/// wins over the time its line was written, a client's address with a port gives way to the client
/// alone, a usable time from one key makes up for an unusable one from another.
/// </summary>
internal struct KeyedFields
{
    /// <summary>The keys a line's time may come under, for the message of a line without one.</summary>
    public const string TimeKeys = "time, timestamp, @timestamp, time_local, time_iso8601, ts, msec, start_time or date";

    /// <summary>The keys a line's status may come under, for the message of a line without one.</summary>
    public const string StatusKeys = "status, response, status_code, response_code, DownstreamStatus or http.response.status_code";

    private string? _host;
    private string? _user;
    private string? _method;
    private string? _path;
    private string? _protocol;
    private string? _referrer;
    private string? _userAgent;
    private string? _virtualHost;
    private ReadOnlyMemory<byte> _request;
    private DateTimeOffset _time;
    private bool _hasTime;
    private DateTimeOffset _startTime;
    private bool _hasStartTime;
    private string? _timeError;
    private int _status;
    private bool _hasStatus;
    private string? _statusError;
    private long _bytes;

    /// <summary>
    /// Puts <paramref name="value"/> (unescaped; <paramref name="isText"/> when it was written as a
    /// string, not as a number or a literal) into <paramref name="field"/>. False, with the reason,
    /// when the line cannot be a record because of it (a size that is not one); an unusable time or
    /// status is only remembered, as another key may still give one.
    /// </summary>
    public bool Take(JsonField field, bool weak, ReadOnlySpan<byte> value, bool isText, ReadOnlySpan<byte> key, out string? error)
    {
        error = null;
        switch (field)
        {
            case JsonField.Time:
                if (weak && _hasTime)
                {
                    break;
                }

                if (JsonTime.TryParse(value, out DateTimeOffset time))
                {
                    (_time, _hasTime) = (time, true);
                }
                else
                {
                    _timeError ??= NotATime(key, value);
                }

                break;
            case JsonField.StartTime:
                if (JsonTime.TryParse(value, out DateTimeOffset start))
                {
                    (_startTime, _hasStartTime) = (start, true);
                }
                else
                {
                    _timeError ??= NotATime(key, value);
                }

                break;
            case JsonField.Status:
                if (CommonLogParser.TryParseStatus(value, out int status))
                {
                    (_status, _hasStatus) = (status, true);
                }
                else
                {
                    _statusError ??= $"{Name(key)}: expected a numeric status, found {ErrorText.Quote(value)}";
                }

                break;
            case JsonField.Bytes:
                if (!CommonLogParser.TryParseBytes(value, out _bytes))
                {
                    error = $"{Name(key)}: expected the number of bytes (or '-'), found {ErrorText.Quote(value)}";
                    return false;
                }

                break;
            case JsonField.Host:
                if (!weak || _host is null)
                {
                    _host = KnownText.Get(value);
                }

                break;
            case JsonField.ClientAddress:
                if (_host is null && isText)
                {
                    _host = KnownText.Get(ClientAddress.WithoutPort(value));
                }

                break;
            case JsonField.Method:
                _method = KnownText.Get(value);
                break;
            case JsonField.Path:
                if (!weak || _path is null)
                {
                    _path = KnownText.Get(value);
                }

                break;
            case JsonField.Protocol:
                // ECS writes the version alone ("1.1"); every other log, and LogRecord, the whole protocol.
                _protocol = value is [>= (byte)'0' and <= (byte)'9', ..] ? "HTTP/" + Encoding.UTF8.GetString(value) : KnownText.Get(value);
                break;
            case JsonField.Referrer:
                _referrer = KnownText.Get(value);
                break;
            case JsonField.UserAgent:
                _userAgent = KnownText.Get(value);
                break;
            case JsonField.User:
                _user = KnownText.Get(value);
                break;
            case JsonField.VirtualHost:
                if (!weak || _virtualHost is null)
                {
                    _virtualHost = KnownText.Get(value);
                }

                break;
        }

        return true;
    }

    /// <summary>
    /// Takes a whole request line (<c>GET /x HTTP/1.1</c>), split when the record is made into the
    /// parts no key of their own gave; <paramref name="request"/> must outlive the line's parse.
    /// </summary>
    public void TakeRequest(ReadOnlyMemory<byte> request) => _request = request;

    /// <summary>A time the line gave outside its keys (a prefix's), which is the record's when no key gives one.</summary>
    public void TimeUnlessKeyed(DateTimeOffset time)
    {
        if (!HasTime)
        {
            (_time, _hasTime) = (time, true);
        }
    }

    private readonly bool HasTime => _hasTime || _hasStartTime;

    /// <summary>The record of <paramref name="line"/>, or why there is none: a line needs a time and a status.</summary>
    public readonly LineResult ToRecord(in LogLine line, out LogRecord? record, out string? error)
    {
        record = null;
        if (!HasTime)
        {
            error = _timeError ?? $"no time: expected one of the keys {TimeKeys}";
            return LineResult.Malformed;
        }

        if (!_hasStatus)
        {
            error = _statusError ?? $"no status: expected one of the keys {StatusKeys}";
            return LineResult.Malformed;
        }

        FieldRange method = default, path = default, protocol = default;
        ReadOnlySpan<byte> request = _request.Span;
        if (!_request.IsEmpty)
        {
            RequestLine.Split(request, out method, out path, out protocol);
        }

        record = new LogRecord(
            host: _host ?? "-",
            time: _hasStartTime ? _startTime : _time,
            method: _method ?? KnownText.Get(method.Of(request)),
            path: _path ?? KnownText.Get(path.Of(request)),
            protocol: _protocol ?? KnownText.Get(protocol.Of(request)),
            status: _status,
            bytes: _bytes,
            referrer: _referrer,
            userAgent: _userAgent,
            user: _user ?? "-",
            file: line.File,
            lineNumber: line.Number,
            virtualHost: _virtualHost);
        error = null;
        return LineResult.Record;
    }

    private static string NotATime(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) =>
        $"{Name(key)}: expected a time (ISO 8601, like 24/Feb/2008:00:08:59 -0600, or epoch seconds), found {ErrorText.Quote(value)}";

    private static string Name(ReadOnlySpan<byte> key) => Encoding.UTF8.GetString(key);
}

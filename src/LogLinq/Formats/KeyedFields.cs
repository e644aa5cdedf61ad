using System.Text;

namespace LogLinq.Formats;

/// <summary>
/// What the keys of one line gave, for formats that name each value (JSON lines, logfmt), and the
/// rules for keys that name the same field: a weak spelling gives way to any other, a request's start
/// wins over the time its line was written, a client's address with a port gives way to the client
/// alone, a usable time from one key makes up for an unusable one from another.
/// </summary>
/// <remarks>
/// Text values are copied, unescaped, into the <see cref="FieldText"/> of the parser, and the fields
/// are ranges into it: a scan reads a JSON or logfmt line as it reads an NCSA one, and makes no
/// string for a field the query does not read.
/// </remarks>
internal struct KeyedFields
{
    /// <summary>The keys a line's time may come under, for the message of a line without one.</summary>
    public const string TimeKeys = "time, timestamp, @timestamp, time_local, time_iso8601, ts, msec, start_time or date";

    /// <summary>The keys a line's status may come under, for the message of a line without one.</summary>
    public const string StatusKeys = "status, response, status_code, response_code, DownstreamStatus or http.response.status_code";

    private FieldText _text;
    private FieldRange _host;
    private FieldRange _user;
    private FieldRange _method;
    private FieldRange _path;
    private FieldRange _protocol;
    private FieldRange _referrer;
    private FieldRange _userAgent;
    private FieldRange _virtualHost;
    private FieldRange _urlHost;
    private FieldRange _request;
    private DateTimeOffset _time;
    private bool _hasTime;
    private DateTimeOffset _startTime;
    private bool _hasStartTime;
    private DateTimeOffset _endTime;
    private bool _hasEndTime;
    private string? _timeError;
    private int _status;
    private bool _hasStatus;
    private string? _statusError;
    private long _bytes;
    private TimeSpan? _duration;
    private long _bareDurationTicks;
    private bool _hasBareDuration;
    private bool _hasRequestObject;

    /// <param name="text">Where the values are copied to.</param>
    public KeyedFields(FieldText text)
    {
        _text = text;
        _host = _user = _method = _path = _protocol = _referrer = _userAgent = _virtualHost = _urlHost = _request = FieldRange.None;
    }

    /// <summary>The values' text, for the parser to keep its buffer for the next line.</summary>
    public readonly FieldText Text => _text;

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
                    _timeError ??= KeyedValue.NotATime(key, value);
                }

                break;
            case JsonField.StartTime:
                if (JsonTime.TryParse(value, out DateTimeOffset start))
                {
                    (_startTime, _hasStartTime) = (start, true);
                }
                else
                {
                    _timeError ??= KeyedValue.NotATime(key, value);
                }

                break;
            case JsonField.EndTime:
                if (JsonTime.TryParse(value, out DateTimeOffset end))
                {
                    (_endTime, _hasEndTime) = (end, true);
                }

                break;
            case JsonField.Status:
                TakeStatus(value, key);
                break;
            case JsonField.Bytes:
                return TakeBytes(value, key, out error);
            case JsonField.ClientAddress when !isText:
                // A number is no client's address.
                break;
            case JsonField.Host or JsonField.ClientAddress or JsonField.Method or JsonField.Path or JsonField.Protocol
                or JsonField.Referrer or JsonField.UserAgent or JsonField.User or JsonField.VirtualHost:
                // Copied, then taken as a range of the copy, as a CSV row's values are.
                return TakeCopied(field, weak, Append(value), key, out error);
            case JsonField.Duration or JsonField.DurationSeconds or JsonField.DurationMilliseconds or JsonField.DurationMicroseconds or JsonField.DurationNanoseconds:
                TakeDuration(field, value, isText, key);
                break;
        }

        return true;
    }

    /// <summary>
    /// Puts the text value at <paramref name="value"/>, which is already in <see cref="Text"/> (a CSV
    /// row is copied there whole, and unescaped there in place; <see cref="Take"/> copies a text value
    /// there first), into <paramref name="field"/> (a <see cref="JsonField.Request"/> as
    /// <see cref="TakeRequest"/> would): a field that is the value as it stands, or a part of it, is a
    /// range of that copy rather than a copy of its own. Other fields go to <see cref="Take"/>.
    /// </summary>
    public bool TakeCopied(JsonField field, bool weak, FieldRange value, ReadOnlySpan<byte> key, out string? error)
    {
        error = null;
        switch (field)
        {
            case JsonField.Host:
                if (!weak || _host.IsNone)
                {
                    // A Go service's remote_addr is its connection's, with the port: one client is one host.
                    _host = KeyedValue.Portless(_text, value);
                }

                break;
            case JsonField.ClientAddress:
                if (_host.IsNone)
                {
                    _host = KeyedValue.Portless(_text, value);
                }

                break;
            case JsonField.Status:
                TakeStatus(_text.Of(value), key);
                break;
            case JsonField.Bytes:
                return TakeBytes(_text.Of(value), key, out error);
            case JsonField.Request:
                _request = value;
                break;
            case JsonField.Method:
                _method = value;
                break;
            case JsonField.Path:
                if (!weak || _path.IsNone)
                {
                    // An absolute URL's host is the virtual host when no key names one.
                    _path = KeyedValue.Path(ref _text, value, out _urlHost);
                }

                break;
            case JsonField.Protocol:
                _protocol = KeyedValue.Protocol(ref _text, value);
                break;
            case JsonField.Referrer:
                _referrer = value;
                break;
            case JsonField.UserAgent:
                _userAgent = value;
                break;
            case JsonField.User:
                // Caddy writes an empty user_id for a request nobody authenticated: no user, as "-" is.
                if (value.Length != 0)
                {
                    _user = value;
                }

                break;
            case JsonField.VirtualHost:
                if (!weak || _virtualHost.IsNone)
                {
                    _virtualHost = value;
                }

                break;
            default:
                return Take(field, weak, _text.Of(value), isText: true, key, out error);
        }

        return true;
    }

    private void TakeStatus(ReadOnlySpan<byte> value, ReadOnlySpan<byte> key)
    {
        if (KeyedValue.TryStatus(value, out int status))
        {
            (_status, _hasStatus) = (status, true);
        }
        else
        {
            _statusError ??= KeyedValue.NotAStatus(key, value);
        }
    }

    private bool TakeBytes(ReadOnlySpan<byte> value, ReadOnlySpan<byte> key, out string? error)
    {
        error = null;
        if (!CommonLogParser.TryParseBytes(value, out _bytes))
        {
            error = KeyedValue.NotASize(key, value);
            return false;
        }

        return true;
    }

    /// <summary>A duration, the first a key gives (<see cref="KeyedValue.TryDuration"/>).</summary>
    private void TakeDuration(JsonField field, ReadOnlySpan<byte> value, bool isText, ReadOnlySpan<byte> key)
    {
        if (_duration is not null)
        {
            return;
        }

        if (KeyedValue.TryDuration(field, value, isText, out long ticks))
        {
            _duration = TimeSpan.FromTicks(ticks);
        }
        else if (field == JsonField.Duration && !isText && !_hasBareDuration && Ascii.EqualsIgnoreCase(key, "duration"u8) && KeyedValue.TrySeconds(value, isText, out ticks))
        {
            // Caddy's seconds, if the line turns out to be Caddy's (ToFields); took and elapsed are no Caddy key.
            (_bareDurationTicks, _hasBareDuration) = (ticks, true);
        }
    }

    /// <summary>
    /// Says the line has a top-level <c>request</c> object, as Caddy's lines have: a bare number under
    /// <c>duration</c> is then Caddy's seconds.
    /// </summary>
    public void HasRequestObject() => _hasRequestObject = true;

    /// <summary>
    /// Puts a time already read from the value of a <see cref="JsonField.Time"/> key, as
    /// <see cref="Take"/> would have: a weak key's gives way to a time the line already has.
    /// </summary>
    public void TakeTime(DateTimeOffset time, bool weak)
    {
        if (!weak || !_hasTime)
        {
            (_time, _hasTime) = (time, true);
        }
    }

    /// <summary>Takes a whole request line (<c>GET /x HTTP/1.1</c>), split when the record is made into the parts no key of their own gave.</summary>
    public void TakeRequest(ReadOnlySpan<byte> request) => _request = Append(request);

    /// <summary>A time the line gave outside its keys (a prefix's), which is the record's when no key gives one.</summary>
    public void TimeUnlessKeyed(DateTimeOffset time)
    {
        if (!HasTime)
        {
            (_time, _hasTime) = (time, true);
        }
    }

    private readonly bool HasTime => _hasTime || _hasStartTime;

    /// <summary>
    /// The line's fields, as ranges into <see cref="Text"/>, or
    /// why there are none: a line needs a time and a status. Every other field has a default: "-" for
    /// the host and the user, empty request parts, and no referrer, user agent, virtual host or duration.
    /// </summary>
    public LineResult ToFields(ref CommonLogFields fields, out string? error)
    {
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

        FieldRange dash = _text.AppendByte((byte)'-');
        FieldRange method = new(0, 0), path = new(0, 0), protocol = new(0, 0);
        if (!_request.IsNone)
        {
            RequestLine.Split(_text, _request, out method, out path, out protocol);
        }

        fields.Set(
            host: _host.IsNone ? dash : _host,
            ident: dash,
            user: _user.IsNone ? dash : _user,
            time: _hasStartTime ? _startTime : _time,
            method: _method.IsNone ? method : _method,
            path: _path.IsNone ? path : _path,
            protocol: _protocol.IsNone ? protocol : _protocol,
            status: _status,
            bytes: _bytes,
            referrer: _referrer,
            userAgent: _userAgent,
            virtualHost: _virtualHost.IsNone ? _urlHost : _virtualHost,
            duration: _duration ?? (_hasBareDuration && _hasRequestObject ? TimeSpan.FromTicks(_bareDurationTicks) : Elapsed()));
        error = null;
        return LineResult.Record;
    }

    /// <summary>From the request's start to its response's end, where the line gives both, in that order.</summary>
    private readonly TimeSpan? Elapsed() =>
        _hasStartTime && _hasEndTime && _endTime >= _startTime ? _endTime - _startTime : null;

    private FieldRange Append(ReadOnlySpan<byte> value, ReadOnlySpan<byte> more = default) => _text.Append(value, more);
}

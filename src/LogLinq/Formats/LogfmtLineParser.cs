using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// Parses logfmt lines: <c>key=value</c> pairs separated by spaces, a value quoted when it holds
/// spaces (<c>path="/a b"</c>, with <c>\"</c> and <c>\\</c> escaped), as Heroku's router and many Go
/// services write their access logs:
/// <c>at=info method=GET path="/" host=app.herokuapp.com fwd="203.0.113.9" status=200 bytes=13 protocol=https</c>.
/// Keys are read as JSON lines' are (<see cref="JsonFieldNames"/>), with Heroku's router's besides:
/// <c>fwd</c> (the client, the first of its list), <c>service</c> (how long the app took) and, on
/// a line with <c>fwd</c>, <c>host</c> as the virtual host (the app's name, not the client's). Words before the first pair are not pairs (what
/// <c>heroku logs</c> prints before each line: <c>2024-01-02T03:04:05.123456+00:00 heroku[router]:</c>):
/// a time among them is the line's when no key gives one.
/// </summary>
internal sealed class LogfmtLineParser : KeyedLineParser
{
    // A quoted value with escapes is unescaped here when it fits.
    private const int StackBytes = 256;

    // Fewer pairs than this on a line, and it is not taken for logfmt.
    private const int MinPairs = 3;

    /// <summary>Whether <paramref name="line"/> is logfmt: at least three pairs, one of them a status.</summary>
    public static bool Looks(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty || line[0] == '{')
        {
            return false;
        }

        int pairs = 0;
        bool status = false;
        var reader = new Reader(line);
        while (reader.Next(out ReadOnlySpan<byte> key, out _, out _))
        {
            if (!key.IsEmpty)
            {
                pairs++;
                status |= JsonFieldNames.Lookup(key, out _) == JsonField.Status;
            }
        }

        return pairs >= MinPairs && status;
    }

    /// <summary>Reads the line's pairs into <paramref name="found"/>; <see cref="LineResult.Record"/> when it had any.</summary>
    protected override LineResult Read(in LogLine line, ref KeyedFields found, out string? error)
    {
        error = null;
        ReadOnlyMemory<byte> memory = line.Bytes[LineNoise.Length(line.Bytes.Span)..];
        ReadOnlySpan<byte> bytes = memory.Span;
        if (IsBlank(bytes))
        {
            return LineResult.Skipped;
        }

        DateTimeOffset? leadingTime = null;
        bool anyPair = false;
        bool forwarded = false;
        FieldRange host = FieldRange.None;
        Span<byte> scratch = stackalloc byte[StackBytes];
        var reader = new Reader(bytes);
        while (reader.Next(out ReadOnlySpan<byte> key, out FieldRange raw, out bool quoted))
        {
            if (key.IsEmpty)
            {
                if (!anyPair && leadingTime is null && JsonTime.TryParse(raw.Of(bytes), out DateTimeOffset time))
                {
                    leadingTime = time;
                }

                continue;
            }

            anyPair = true;
            ReadOnlySpan<byte> value = quoted ? Unescape(raw.Of(bytes), scratch) : raw.Of(bytes);
            if (key.SequenceEqual("fwd"u8))
            {
                // Heroku's X-Forwarded-For: the client first, the proxies after it.
                int comma = value.IndexOf((byte)',');
                found.Take(JsonField.Host, weak: false, (comma < 0 ? value : value[..comma]).Trim((byte)' '), isText: true, key, out _);
                forwarded = true;
                continue;
            }

            if (key.SequenceEqual("service"u8))
            {
                // Heroku's time in the app ("12ms"); a service's name, elsewhere, is no duration and is passed over.
                found.Take(JsonField.Duration, weak: false, value, isText: true, key, out _);
                continue;
            }

            if (key.SequenceEqual("host"u8) && !quoted)
            {
                host = raw;
            }

            JsonField field = JsonFieldNames.Lookup(key, out bool weak);
            if (field == JsonField.Request)
            {
                found.TakeRequest(value);
            }
            else if (field != JsonField.Ignored && !found.Take(field, weak, value, isText: true, key, out error))
            {
                return LineResult.Malformed;
            }
        }

        if (!anyPair)
        {
            error = $"not logfmt: no key=value pair in the line, which starts {ErrorText.Quote(bytes.TrimStart(" \t"u8))}";
            return LineResult.Malformed;
        }

        if (leadingTime is { } leading)
        {
            found.TimeUnlessKeyed(leading);
        }

        if (forwarded && !host.IsNone)
        {
            found.Take(JsonField.VirtualHost, weak: true, host.Of(bytes), isText: true, "host"u8, out _);
        }

        return LineResult.Record;
    }

    /// <summary>A quoted value's text without its escapes, in <paramref name="scratch"/> when it fits.</summary>
    private static ReadOnlySpan<byte> Unescape(ReadOnlySpan<byte> escaped, Span<byte> scratch)
    {
        if (!escaped.Contains((byte)'\\'))
        {
            return escaped;
        }

        Span<byte> into = escaped.Length <= scratch.Length ? scratch : new byte[escaped.Length];
        int length = 0;
        for (int i = 0; i < escaped.Length; i++)
        {
            byte b = escaped[i];
            if (b == '\\' && i + 1 < escaped.Length)
            {
                b = escaped[++i] switch
                {
                    (byte)'n' => (byte)'\n',
                    (byte)'t' => (byte)'\t',
                    (byte)'r' => (byte)'\r',
                    byte other => other,
                };
            }

            into[length++] = b;
        }

        return into[..length];
    }

    /// <summary>The words and pairs of a logfmt line, one at a time.</summary>
    private ref struct Reader(ReadOnlySpan<byte> line)
    {
        private readonly ReadOnlySpan<byte> _line = line;
        private int _pos;

        /// <summary>
        /// The next pair's key and value (a quoted value without its quotes, escapes kept), or a word
        /// that is no pair (<paramref name="key"/> empty, the word in <paramref name="value"/>).
        /// </summary>
        public bool Next(out ReadOnlySpan<byte> key, out FieldRange value, out bool quoted)
        {
            key = default;
            value = default;
            quoted = false;
            while (_pos < _line.Length && _line[_pos] is (byte)' ' or (byte)'\t')
            {
                _pos++;
            }

            if (_pos >= _line.Length)
            {
                return false;
            }

            int start = _pos;
            while (_pos < _line.Length && _line[_pos] is not ((byte)'=' or (byte)' ' or (byte)'\t' or (byte)'"'))
            {
                _pos++;
            }

            if (_pos == start || _pos >= _line.Length || _line[_pos] != '=')
            {
                // A word (or a stray quote): up to the next blank.
                _pos = start + WordLength(_line[start..]);
                value = new FieldRange(start, _pos - start);
                return true;
            }

            key = _line[start.._pos];
            _pos++;
            if (_pos < _line.Length && _line[_pos] == '"')
            {
                int open = ++_pos;
                while (_pos < _line.Length && _line[_pos] != '"')
                {
                    _pos += _line[_pos] == '\\' ? 2 : 1;
                }

                int end = Math.Min(_pos, _line.Length);
                value = new FieldRange(open, end - open);
                quoted = true;
                _pos = end + 1;
                return true;
            }

            int valueStart = _pos;
            _pos = valueStart + WordLength(_line[valueStart..]);
            value = new FieldRange(valueStart, _pos - valueStart);
            return true;
        }

        private static int WordLength(ReadOnlySpan<byte> rest)
        {
            int blank = rest.IndexOfAny((byte)' ', (byte)'\t');
            return blank < 0 ? rest.Length : blank;
        }
    }
}

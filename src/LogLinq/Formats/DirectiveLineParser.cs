using System.Buffers.Text;
using System.Text;

namespace LogLinq.Formats;

/// <summary>
/// Parses the lines of a server's own log format (<see cref="DirectiveLayout"/>) from their bytes, left
/// to right: the opening text, then each field up to the literal text after it, which must follow.
/// A field between quotes ends at the quote of that text the server did not escape (Apache writes a
/// quote inside as <c>\"</c>, nginx as <c>\x22</c>); a time of a fixed width (nginx's
/// <c>$time_local</c>, a <c>strftime</c> pattern) is that many bytes, spaces and all; Apache's
/// <c>%t</c> runs to its <c>]</c>; the last field runs to the text that ends the line. The values a
/// record keeps are then read and copied, as every format's parser does.
/// </summary>
internal sealed class DirectiveLineParser : TextLineParser
{
    private readonly DirectiveLayout _layout;
    private readonly FieldRange[] _ranges;
    private HttpDate.DayCache _day;
    private IsoTime.DayCache _isoDay;

    public DirectiveLineParser(DirectiveLayout layout)
    {
        _layout = layout;
        _ranges = new FieldRange[layout.Steps.Length];
    }

    /// <summary>
    /// Whether the line matches as it stands, with a client and a virtual host without a space: a
    /// field that ends at a literal of more than a space (<c>$remote_addr - </c>) would otherwise take
    /// a syslog header in with the client.
    /// </summary>
    internal override bool ReadsAsItStands(ReadOnlySpan<byte> line)
    {
        line = line.TrimEnd(" \t"u8);
        if (!Match(line, out _))
        {
            return false;
        }

        for (int i = 0; i < _ranges.Length; i++)
        {
            if (_layout.Steps[i].Field is DirectiveField.Host or DirectiveField.VirtualHost && _ranges[i].Of(line).Contains((byte)' '))
            {
                return false;
            }
        }

        return true;
    }

    protected override LineResult Parse(ReadOnlySpan<byte> line, ref FieldText values, ref CommonLogFields found, out string? error)
    {
        if (!Match(line, out error))
        {
            return LineResult.Malformed;
        }

        FieldRange host = FieldRange.None, ident = FieldRange.None, user = FieldRange.None, request = FieldRange.None;
        FieldRange method = FieldRange.None, path = FieldRange.None, protocol = FieldRange.None;
        FieldRange referrer = FieldRange.None, userAgent = FieldRange.None, virtualHost = FieldRange.None;
        long ticks = 0, bytes = 0;
        short offset = 0;
        int status = 0;
        TimeSpan? duration = null;
        DirectiveStep[] steps = _layout.Steps;
        for (int i = 0; i < steps.Length; i++)
        {
            DirectiveStep step = steps[i];
            FieldRange range = _ranges[i];
            ReadOnlySpan<byte> value = range.Of(line);
            bool ok = true;
            switch (step.Field)
            {
                case DirectiveField.Host: host = range; break;
                case DirectiveField.Ident: ident = range; break;
                case DirectiveField.User: user = range; break;
                case DirectiveField.Request: request = range; break;
                case DirectiveField.Method: method = range; break;
                case DirectiveField.Path: path = range; break;
                case DirectiveField.Protocol: protocol = range; break;
                case DirectiveField.Referrer: referrer = range; break;
                case DirectiveField.UserAgent: userAgent = range; break;
                case DirectiveField.VirtualHost: virtualHost = range; break;
                case DirectiveField.Status: ok = CommonLogParser.TryParseStatus(value, out status); break;
                case DirectiveField.Bytes or DirectiveField.BytesWithHeaders: ok = CommonLogParser.TryParseBytes(value, out bytes); break;
                case DirectiveField.DurationSeconds or DirectiveField.DurationMilliseconds or DirectiveField.DurationMicroseconds:
                    ok = TryParseDuration(step.Field, value, out duration);
                    break;
                case DirectiveField.Ignored:
                    break;
                default:
                    ok = TryParseTime(step, value, out ticks, out offset);
                    break;
            }

            if (!ok)
            {
                error = $"{step.Name}: expected {Expected(step)}, found {ErrorText.Quote(value)}";
                return LineResult.Malformed;
            }
        }

        FieldRange dash = values.Append("-"u8);
        if (!request.IsNone)
        {
            ReadOnlySpan<byte> text = request.Of(line);
            RequestLine.Split(text, out FieldRange methodRange, out FieldRange pathRange, out FieldRange protocolRange);
            (method, path, protocol) = (Copy(ref values, text, methodRange, dash), Copy(ref values, text, pathRange, dash), Copy(ref values, text, protocolRange, dash));
        }
        else
        {
            (method, path, protocol) = (Copy(ref values, line, method, dash), Copy(ref values, line, path, dash), Copy(ref values, line, protocol, dash));
        }

        found.Set(
            host: Copy(ref values, line, host, dash),
            ident: Copy(ref values, line, ident, dash),
            user: Copy(ref values, line, user, dash),
            time: HttpDate.ToDateTimeOffset(ticks, offset),
            method: method,
            path: path,
            protocol: protocol,
            status: status,
            bytes: bytes,
            referrer: referrer.IsNone ? FieldRange.None : values.Append(referrer.Of(line)),
            userAgent: userAgent.IsNone ? FieldRange.None : values.Append(userAgent.Of(line)),
            virtualHost: virtualHost.IsNone ? FieldRange.None : values.Append(virtualHost.Of(line)),
            duration: duration);
        return LineResult.Record;
    }

    /// <summary>Finds each field of <paramref name="line"/> into <see cref="_ranges"/>; false, saying why, where the line is not in the format.</summary>
    private bool Match(ReadOnlySpan<byte> line, out string? error)
    {
        error = null;
        if (!line.StartsWith(_layout.Leading))
        {
            error = $"expected the line to start with {ErrorText.Quote(_layout.Leading)}";
            return false;
        }

        int pos = _layout.Leading.Length;
        DirectiveStep[] steps = _layout.Steps;
        for (int i = 0; i < steps.Length; i++)
        {
            DirectiveStep step = steps[i];
            bool last = i == steps.Length - 1;
            int end = End(line, pos, step, last);
            if (end < 0)
            {
                error = last && step.Width == 0 && !step.Bracketed
                    ? $"expected the line to end with {ErrorText.Quote(step.Literal)} after {step.Name}"
                    : end == -2 ? $"{step.Name}: expected [ to open the time, found {ErrorText.Quote(line[pos..])}"
                    : $"expected {ErrorText.Quote(step.Literal)} after {step.Name}, found {ErrorText.Quote(line[pos..])}";
                return false;
            }

            _ranges[i] = new FieldRange(pos, end - pos);
            pos = end + step.Literal.Length;
        }

        if (pos != line.Length)
        {
            error = $"expected the line to end after {steps[^1].Name}, found {ErrorText.Quote(line[pos..])}";
            return false;
        }

        return true;
    }

    /// <summary>
    /// Where the field that starts at <paramref name="pos"/> ends, its literal text following it;
    /// -1 where it does not (-2 for Apache's time without its '[').
    /// </summary>
    private static int End(ReadOnlySpan<byte> line, int pos, DirectiveStep step, bool last)
    {
        ReadOnlySpan<byte> literal = step.Literal;
        int end;
        if (step.Bracketed)
        {
            if (pos >= line.Length || line[pos] != '[')
            {
                return -2;
            }

            int close = line[pos..].IndexOf((byte)']');
            end = close < 0 ? -1 : pos + close + 1;
        }
        else if (step.Width > 0)
        {
            end = pos + step.Width <= line.Length ? pos + step.Width : -1;
        }
        else if (last)
        {
            // The last field runs to the text that ends the line: a user agent may hold its quote and space.
            end = line.Length - literal.Length;
            return end >= pos && line.EndsWith(literal) ? end : -1;
        }
        else
        {
            return Find(line, pos, literal, step.Quoted);
        }

        return end >= 0 && line[end..].StartsWith(literal) ? end : -1;
    }

    /// <summary>The first <paramref name="literal"/> from <paramref name="pos"/>; in a quoted field, the first whose quote is not escaped.</summary>
    private static int Find(ReadOnlySpan<byte> line, int pos, ReadOnlySpan<byte> literal, bool quoted)
    {
        int search = pos;
        while (true)
        {
            int found = line[search..].IndexOf(literal);
            if (found < 0)
            {
                return -1;
            }

            int at = search + found;
            if (!quoted || !IsEscaped(line, pos, at))
            {
                return at;
            }

            search = at + 1;
        }
    }

    // An odd number of backslashes before the quote escapes it.
    private static bool IsEscaped(ReadOnlySpan<byte> line, int start, int at)
    {
        int backslashes = 0;
        for (int i = at - 1; i >= start && line[i] == '\\'; i--)
        {
            backslashes++;
        }

        return (backslashes & 1) == 1;
    }

    private bool TryParseTime(DirectiveStep step, ReadOnlySpan<byte> value, out long ticks, out short offset)
    {
        ticks = 0;
        offset = 0;
        switch (step.Field)
        {
            case DirectiveField.BracketedTime:
                return value.Length > 2 && HttpDate.TryParse(value[1..^1], ref _day, out ticks, out offset);
            case DirectiveField.NcsaTime:
                return HttpDate.TryParse(value, ref _day, out ticks, out offset);
            case DirectiveField.IsoTime:
                return IsoTime.TryParse(value, ref _isoDay, out ticks, out offset);
            case DirectiveField.StrftimeTime:
                return step.Time!.TryParse(value, out ticks, out offset);
        }

        decimal perSecond = step.Field switch
        {
            DirectiveField.EpochMilliseconds => 1000m,
            DirectiveField.EpochMicroseconds => 1_000_000m,
            _ => 1m,
        };
        if (!Utf8Parser.TryParse(value, out decimal number, out int consumed) || consumed != value.Length || value[0] is (byte)'-' or (byte)'+'
            || !EpochTime.TryParse(number / perSecond, out DateTimeOffset time))
        {
            return false;
        }

        ticks = time.UtcTicks;
        return true;
    }

    /// <summary>The duration in its unit; <c>-</c>, which nginx writes where there is none, is none.</summary>
    private static bool TryParseDuration(DirectiveField field, ReadOnlySpan<byte> value, out TimeSpan? duration)
    {
        duration = null;
        if (value is [(byte)'-'])
        {
            return true;
        }

        long ticks = 0;
        bool ok = field switch
        {
            DirectiveField.DurationMilliseconds => DurationText.TryParseMilliseconds(value, out ticks),
            DirectiveField.DurationMicroseconds => DurationText.TryParseMicroseconds(value, out ticks),
            _ => DurationText.TryParseSeconds(value, out ticks),
        };
        duration = ok ? TimeSpan.FromTicks(ticks) : null;
        return ok;
    }

    private static string Expected(DirectiveStep step) => step.Field switch
    {
        DirectiveField.Status => "a status of three digits",
        DirectiveField.Bytes or DirectiveField.BytesWithHeaders => "a number of bytes (or '-')",
        DirectiveField.DurationSeconds => "seconds, as 0.012",
        DirectiveField.DurationMilliseconds => "whole milliseconds",
        DirectiveField.DurationMicroseconds => "whole microseconds",
        DirectiveField.BracketedTime => "a time like [24/Feb/2008:00:08:59 -0600]",
        DirectiveField.NcsaTime => "a time like 24/Feb/2008:00:08:59 -0600",
        DirectiveField.IsoTime => "a time like 2008-02-24T00:08:59-06:00",
        DirectiveField.StrftimeTime => "a time as the pattern writes it",
        DirectiveField.EpochMilliseconds => "a time in milliseconds since 1970",
        DirectiveField.EpochMicroseconds => "a time in microseconds since 1970",
        _ => "a time in seconds since 1970",
    };

    /// <summary>
    /// The text of <paramref name="range"/> in <paramref name="text"/>, copied; <paramref name="missing"/>
    /// where the format does not write it. An empty part of a request line stays empty, as the
    /// Common format's reader leaves the method of a request of <c>"-"</c>.
    /// </summary>
    private static FieldRange Copy(ref FieldText values, ReadOnlySpan<byte> text, FieldRange range, FieldRange missing) =>
        range.IsNone ? missing : values.Append(range.Of(text));

}

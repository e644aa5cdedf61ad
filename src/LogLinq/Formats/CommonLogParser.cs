using System.Runtime.CompilerServices;

namespace LogLinq.Formats;

/// <summary>
/// Parses the NCSA Common and Combined log formats (Apache's <c>common</c>/<c>combined</c>, nginx's
/// default <c>combined</c>) straight from bytes: no regex, no string per field. Each line may also
/// open with the server's <c>name:port</c>, as Apache's <c>vhost_combined</c> writes it (Debian's
/// <c>other_vhosts_access.log</c>): a line with one token more before its time than Common has.
/// <code>[vhost:port] host ident user [time] "request" status bytes ["referrer" "user-agent"]</code>
/// </summary>
internal static class CommonLogParser
{
    /// <summary>
    /// Finds the fields of <paramref name="line"/>. On failure <paramref name="error"/> says why, in
    /// words fit for a user.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out CommonLogFields fields, out string? error)
    {
        fields = default;
        return TryParseInto(line, ref fields, requireCombined: false, splitRequest: true, out error);
    }

    /// <summary>
    /// Finds the fields of <paramref name="line"/> into <paramref name="fields"/>, reused from line to
    /// line so the parser can remember the last day it decoded. With <paramref name="requireCombined"/>
    /// a line without the Combined format's referrer and user agent is malformed.
    /// </summary>
    /// <param name="line">The line.</param>
    /// <param name="fields">Where the fields go.</param>
    /// <param name="requireCombined">Whether the line must carry the Combined format's two fields.</param>
    /// <param name="splitRequest">Whether to split the request line at once where it is cheap (a scan that reads none of its parts need not).</param>
    /// <param name="error">Why the line is malformed.</param>
    /// <param name="masks">The line's spaces and quotes, when a block scan has marked them; empty otherwise.</param>
    public static bool TryParseInto(
        ReadOnlySpan<byte> line, ref CommonLogFields fields, bool requireCombined, bool splitRequest, out string? error, scoped in LineMasks masks = default)
    {
        if (!TryParseInto(line, ref fields, splitRequest, out error, masks))
        {
            return false;
        }

        if (requireCombined && fields.UserAgent.IsNone)
        {
            error = "expected quoted referrer and user agent after the bytes (combined format)";
            return false;
        }

        return true;
    }

    // Per line: optimised from the first call, since tiering would run the first tenth of a second of
    // a scan (much of a short one) unoptimised.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseInto(ReadOnlySpan<byte> line, ref CommonLogFields fields, bool splitRequest, out string? error, scoped in LineMasks masks)
    {
        error = null;
        bool typical = masks.IsEmpty ? TypicalLineParser.TryParse(line, ref fields, splitRequest) : TypicalLineParser.TryParse(line, masks, ref fields, splitRequest);
        return typical || TryParseAny(line, ref fields, out error);
    }

    /// <summary>The general path, for every line <see cref="TypicalLineParser"/> leaves to it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParseAny(ReadOnlySpan<byte> line, ref CommonLogFields fields, out string? error)
    {
        // Zeros inside the line are a hole a cut-short write left, with the next line after it: read
        // leniently, the two could pass for one record. Left to the caller to take apart (LineHole).
        if (LineHole.TryFind(line, out _))
        {
            error = LineHole.Reason;
            return false;
        }

        (HttpDate.DayCache day, IsoTime.DayCache isoDay) = (fields.Day, fields.IsoDay);
        fields = default;
        (fields.Day, fields.IsoDay) = (day, isoDay);
        fields.Referrer = FieldRange.None;
        fields.UserAgent = FieldRange.None;
        fields.VirtualHost = FieldRange.None;

        int pos = 0;
        if (!Token(line, ref pos, out fields.Host) || !ForwardedFor(line, ref pos, ref fields.Host)
            || !Token(line, ref pos, out fields.Ident) || !Token(line, ref pos, out fields.User))
        {
            error = "expected host, ident and user before the time";
            return false;
        }

        if ((pos >= line.Length || line[pos] != '[') && IsVirtualHost(fields.Host.Of(line)))
        {
            // vhost_combined: "%v:%p" comes first, so each token was the one before it, and the user is next.
            (fields.VirtualHost, fields.Host, fields.Ident) = (fields.Host, fields.Ident, fields.User);
            if (!Token(line, ref pos, out fields.User))
            {
                error = "expected host, ident and user after the virtual host";
                return false;
            }
        }

        if ((pos >= line.Length || line[pos] != '[') && !SpacedUser(line, ref pos, fields.Ident, ref fields.User))
        {
            error = "expected '[' to open the time";
            return false;
        }

        // The time is nearly always the 26 bytes of dd/MMM/yyyy:HH:mm:ss +zzzz; look further only if not.
        int close = pos + 27 < line.Length && line[pos + 27] == ']' ? 27 : line[pos..].IndexOf((byte)']');
        if (close < 0 || (!HttpDate.TryParse(line.Slice(pos + 1, close - 1), ref fields.Day, out fields.TimeTicks, out fields.OffsetMinutes)
            && !IsoTime.TryParse(line.Slice(pos + 1, close - 1), ref fields.IsoDay, out fields.TimeTicks, out fields.OffsetMinutes)))
        {
            error = "expected a time like [24/Feb/2008:00:08:59 -0600] or [2008-02-24T00:08:59-06:00]";
            return false;
        }

        pos += close + 1;
        if (!Skip(line, ref pos, (byte)' ') || !Quoted(line, ref pos, out fields.Request))
        {
            error = "expected a quoted request after the time";
            return false;
        }

        if (!Skip(line, ref pos, (byte)' ') || !StatusToken(line, ref pos, out FieldRange status)
            || !TryParseStatus(status.Of(line), out fields.Status))
        {
            // A line cut right after a good status lacks its bytes, not its status.
            error = pos < line.Length && TryParseStatus(line[pos..], out _)
                ? "expected the number of bytes (or '-') after the status"
                : "expected a numeric status after the request";
            return false;
        }

        // The bytes field is the last one of the Common format, so it may end the line.
        int end = line[pos..].IndexOf((byte)' ');
        var bytes = new FieldRange(pos, end < 0 ? line.Length - pos : end);
        if (!TryParseBytes(bytes.Of(line), out fields.Bytes))
        {
            error = "expected the number of bytes (or '-') after the status";
            return false;
        }

        pos = bytes.Start + bytes.Length;

        // Combined adds two quoted fields; anything after them (nginx and Apache extensions) is ignored.
        if (pos + 1 < line.Length && line[pos + 1] == '"')
        {
            pos++;
            if (!Quoted(line, ref pos, out fields.Referrer))
            {
                error = "unterminated quoted referrer";
                return false;
            }

            if (pos + 1 < line.Length && line[pos] == ' ' && line[pos + 1] == '"')
            {
                pos++;
                if (!Quoted(line, ref pos, out fields.UserAgent, keyMayFollow: true))
                {
                    error = "unterminated quoted user agent";
                    return false;
                }
            }
        }

        error = null;
        return true;
    }

    /// <summary>
    /// Whether the first token of a line that has one too many before its time is Apache's
    /// <c>%v:%p</c> (<c>vhost_combined</c>): a name, a colon, a port of digits. Asked only once the
    /// Common shape has failed; the name holds no colon unless it is an IPv6 address in brackets, so
    /// that a client's bare IPv6 address before a user with a space in it is not taken for one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsVirtualHost(ReadOnlySpan<byte> token)
    {
        int colon = token.LastIndexOf((byte)':');
        return colon > 0 && colon < token.Length - 1 && !token[(colon + 1)..].ContainsAnyExceptInRange((byte)'0', (byte)'9')
            && (token[..colon].IndexOf((byte)':') < 0 || (token[0] == '[' && token[colon - 1] == ']'));
    }

    /// <summary>
    /// A user name with spaces in it, as Apache's <c>%u</c> and nginx's <c>$remote_user</c> write the
    /// name basic authentication sent (they escape quotes and control bytes, not spaces): the user goes
    /// on to the time's <c>[</c>, looked for only before the request's quote, so that a line without a
    /// time is still told so rather than read up to a <c>[</c> in its request. Only after an ident of
    /// <c>-</c>, which both servers write (Apache unless <c>IdentityCheck</c> is on): a syslog or
    /// container runtime's header before a line (<c>Nov 26 12:00:01 web1 nginx: 1.2.3.4 - - [...</c>)
    /// has a word there, and would otherwise be read as a host, an ident and a long user.
    /// </summary>
    private static bool SpacedUser(ReadOnlySpan<byte> line, ref int pos, FieldRange ident, ref FieldRange user)
    {
        if (ident.Length != 1 || line[ident.Start] != '-')
        {
            return false;
        }

        ReadOnlySpan<byte> rest = line[pos..];
        int quote = rest.IndexOf((byte)'"');
        int open = (quote < 0 ? rest : rest[..quote]).IndexOf(" ["u8);
        if (open < 0)
        {
            return false;
        }

        user = new FieldRange(user.Start, pos + open - user.Start);
        pos += open + 1;
        return true;
    }

    /// <summary>The status token: three digits and a space on every well-formed line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool StatusToken(ReadOnlySpan<byte> line, ref int pos, out FieldRange token)
    {
        if (pos + 3 < line.Length && line[pos + 3] == ' ' && AsciiDigits.IsDigit(line[pos]) && AsciiDigits.IsDigit(line[pos + 1]) && AsciiDigits.IsDigit(line[pos + 2]))
        {
            token = new FieldRange(pos, 3);
            pos += 4;
            return true;
        }

        return Token(line, ref pos, out token);
    }

    /// <summary>A space-delimited token followed by one space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Token(ReadOnlySpan<byte> line, ref int pos, out FieldRange token)
    {
        // Ident and user are "-" on nearly every line: skip the search for them.
        int space = pos + 1 < line.Length && line[pos + 1] == ' ' && line[pos] != ' ' ? 1 : line[pos..].IndexOf((byte)' ');
        if (space <= 0)
        {
            token = default;
            return false;
        }

        token = new FieldRange(pos, space);
        pos += space + 1;
        return true;
    }

    /// <summary>
    /// A proxy's X-Forwarded-For list logged in the host's place (<c>203.0.113.9, 10.0.0.2 - - [...</c>,
    /// as <c>%{X-Forwarded-For}i</c> or nginx's <c>$proxy_add_x_forwarded_for</c> write it) is one host,
    /// kept as written: a host that ends in a comma goes on to the next token.
    /// </summary>
    private static bool ForwardedFor(ReadOnlySpan<byte> line, ref int pos, ref FieldRange host)
    {
        while (line[host.Start + host.Length - 1] == ',')
        {
            if (!Token(line, ref pos, out FieldRange next))
            {
                return false;
            }

            host = new FieldRange(host.Start, next.Start + next.Length - host.Start);
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Skip(ReadOnlySpan<byte> line, ref int pos, byte expected)
    {
        if (pos < line.Length && line[pos] == expected)
        {
            pos++;
            return true;
        }

        return false;
    }

    /// <summary>
    /// A double-quoted field starting at <paramref name="pos"/>. It ends at a quote that is not
    /// backslash-escaped and is followed by a space or the end of the line, so that an unescaped quote
    /// inside a request (older Apache versions wrote them) does not end it early. The user agent also
    /// ends at a quote followed straight by a <c>key=</c> (<paramref name="keyMayFollow"/>): nginx's
    /// admin guide's <c>upstream_time</c> format has no space before its <c>rt=$request_time</c>, and a
    /// server escapes a quote inside the field, so none is followed by one; or at a quote followed by a
    /// tab, where a <c>log_format</c> puts its own fields after Combined's with <c>\t</c> between them.
    /// </summary>
    private static bool Quoted(ReadOnlySpan<byte> line, ref int pos, out FieldRange field, bool keyMayFollow = false)
    {
        field = default;
        if (pos >= line.Length || line[pos] != '"')
        {
            return false;
        }

        int start = pos + 1;
        int search = start;
        while (true)
        {
            int quote = line[search..].IndexOf((byte)'"');
            if (quote < 0)
            {
                return false;
            }

            int at = search + quote;
            if (!IsEscaped(line, start, at) && (at + 1 == line.Length || line[at + 1] == ' ' || (keyMayFollow && (line[at + 1] == '\t' || StartsWithKey(line[(at + 1)..])))))
            {
                field = new FieldRange(start, at - start);
                pos = at + 1;
                return true;
            }

            search = at + 1;
        }
    }

    /// <summary>Whether <paramref name="text"/> starts with a name and '=': <c>rt=0.012</c>.</summary>
    private static bool StartsWithKey(ReadOnlySpan<byte> text)
    {
        int i = 0;
        while (i < text.Length && (char.IsAsciiLetter((char)text[i]) || text[i] == '_'))
        {
            i++;
        }

        return i > 0 && i < text.Length && text[i] == '=';
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsEscaped(ReadOnlySpan<byte> line, int start, int at)
    {
        int backslashes = 0;
        for (int i = at - 1; i >= start && line[i] == '\\'; i--)
        {
            backslashes++;
        }

        return (backslashes & 1) == 1;
    }

    /// <summary>
    /// The status code: three digits, as HTTP defines it (which lets the planner look for "404 " in the
    /// raw line); some servers write "-" for a request that never got one, read as 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseStatus(ReadOnlySpan<byte> s, out int status)
    {
        status = 0;
        if (s.Length == 1 && s[0] == '-')
        {
            return true;
        }

        if (s.Length != 3 || !AsciiDigits.IsDigit(s[0]) || !AsciiDigits.IsDigit(s[1]) || !AsciiDigits.IsDigit(s[2]))
        {
            return false;
        }

        status = ((s[0] - '0') * 100) + ((s[1] - '0') * 10) + (s[2] - '0');
        return true;
    }

    /// <summary>The response size; "-" (nothing sent) is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseBytes(ReadOnlySpan<byte> s, out long bytes)
    {
        if (s.Length == 1 && s[0] == '-')
        {
            bytes = 0;
            return true;
        }

        // Plain digits only (no sign, no spaces); 19 digits fit a ulong, and the result must fit a long.
        bytes = 0;
        if (s.IsEmpty || s.Length > 19)
        {
            return false;
        }

        ulong value = 0;
        foreach (byte b in s)
        {
            uint digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        bytes = (long)value;
        return value <= long.MaxValue;
    }
}

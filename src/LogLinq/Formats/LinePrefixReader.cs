namespace LogLinq.Formats;

/// <summary>
/// Finds a <see cref="LinePrefix"/> on a file's first line, and its length on each line after.
/// No prefix can be taken for the start of an NCSA line (a host is never a month and a day, nor an
/// ISO time followed by a stream name, nor a name followed by <c>|</c>), a line that is NCSA as it
/// stands has none, and a bare time is a prefix only where a line a server wrote follows it (an
/// ELB line starts with its own time).
/// </summary>
internal static class LinePrefixReader
{
    /// <summary>The prefix <paramref name="line"/>, a file's first that is not blank, carries.</summary>
    public static LinePrefix Detect(ReadOnlySpan<byte> line)
    {
        if (ContainerLength(line) > 0)
        {
            return LinePrefix.Container;
        }

        if (ServiceLength(line) > 0)
        {
            return LinePrefix.Service;
        }

        // (A host never starts with '<': a header with a priority is one, even where the lenient NCSA
        // path could read the line as it stands, a user with spaces in it.)
        if (SyslogLength(line) > 0 && (line[0] == '<' || !CommonLogParser.TryParse(line, out _, out _)))
        {
            return LinePrefix.Syslog;
        }

        int time = TimestampLength(line);
        return time > 0 && IsServerLine(line[time..]) ? LinePrefix.Timestamp : LinePrefix.None;
    }

    /// <summary>
    /// How many bytes of <paramref name="line"/> are <paramref name="prefix"/>; 0 where the line does
    /// not start with one (it is then read as it stands, so that a file may mix the two).
    /// </summary>
    public static int Length(ReadOnlySpan<byte> line, LinePrefix prefix) => prefix switch
    {
        LinePrefix.Syslog => SyslogLength(line),
        LinePrefix.Container => ContainerLength(line),
        LinePrefix.Timestamp => TimestampLength(line),
        LinePrefix.Service => ServiceLength(line),
        _ => 0,
    };

    // What may follow a bare time: an NCSA line or a JSON line.
    private static bool IsServerLine(ReadOnlySpan<byte> rest) =>
        rest.TrimStart(" \t"u8) is [(byte)'{', ..] || CommonLogParser.TryParse(rest, out _, out _);

    // <PRI>? (Mmm dd hh:mm:ss | an ISO 8601 time) host tag: message
    private static int SyslogLength(ReadOnlySpan<byte> line)
    {
        int at = 0;
        if (line.Length > 0 && line[0] == '<')
        {
            // <PRI>: one to three digits.
            int close = line[..Math.Min(line.Length, 5)].IndexOf((byte)'>');
            if (close < 2 || !AsciiDigits.TryParse(line[1..close], out _))
            {
                return 0;
            }

            at = close + 1;
            if (line[at..].StartsWith("1 "u8))
            {
                return Rfc5424Length(line, at + 2);
            }
        }

        int time = IsBsdTime(line[at..]) ? BsdTimeLength : IsoTimeLength(line[at..]);
        if (time == 0 || at + time >= line.Length || line[at + time] != ' ')
        {
            return 0;
        }

        at += time + 1;
        int host = line[at..].IndexOf((byte)' ');
        if (host <= 0)
        {
            return 0;
        }

        // The tag: a program's name, perhaps with [pid], ending in a colon and a space.
        at += host + 1;
        int tag = line[at..].IndexOf((byte)' ');
        return tag >= 2 && line[at + tag - 1] == ':' ? at + tag + 1 : 0;
    }

    // After "<PRI>1 ": the time (or "-"), host, app, process and message id, each a word or "-",
    // then the structured data and the message, which may start with a byte order mark.
    private static int Rfc5424Length(ReadOnlySpan<byte> line, int at)
    {
        if (!line[at..].StartsWith("- "u8) && TimestampLength(line[at..]) == 0)
        {
            return 0;
        }

        for (int word = 0; word < 5; word++)
        {
            int space = line[at..].IndexOf((byte)' ');
            if (space <= 0)
            {
                return 0;
            }

            at += space + 1;
        }

        int data = StructuredDataLength(line[at..]);
        if (data == 0 || at + data >= line.Length || line[at + data] != ' ')
        {
            return 0;
        }

        at += data + 1;
        return at + Utf8Bom.Length(line[at..]);
    }

    // "-", or one or more [id name="value" ...] elements; inside a value \" \] and \\ are escapes, and
    // a bracket does not close the element.
    private static int StructuredDataLength(ReadOnlySpan<byte> s)
    {
        if (s is [(byte)'-', ..])
        {
            return 1;
        }

        int at = 0;
        while (at < s.Length && s[at] == '[')
        {
            bool quoted = false;
            for (at++; at < s.Length && (quoted || s[at] != ']'); at++)
            {
                if (s[at] == '\\')
                {
                    at++;
                }
                else if (s[at] == '"')
                {
                    quoted = !quoted;
                }
            }

            if (at >= s.Length)
            {
                return 0;
            }

            at++;
        }

        return at;
    }

    // Mmm dd hh:mm:ss, the day padded with a space: "Nov  6 08:00:00".
    private const int BsdTimeLength = 15;

    private static bool IsBsdTime(ReadOnlySpan<byte> s) =>
        s.Length > BsdTimeLength
        && char.IsAsciiLetterUpper((char)s[0]) && char.IsAsciiLetterLower((char)s[1]) && char.IsAsciiLetterLower((char)s[2])
        && s[3] == ' ' && (s[4] == ' ' || AsciiDigits.IsDigit(s[4])) && AsciiDigits.IsDigit(s[5]) && s[6] == ' '
        && AsciiDigits.IsDigit(s[7]) && AsciiDigits.IsDigit(s[8]) && s[9] == ':'
        && AsciiDigits.IsDigit(s[10]) && AsciiDigits.IsDigit(s[11]) && s[12] == ':'
        && AsciiDigits.IsDigit(s[13]) && AsciiDigits.IsDigit(s[14]);

    // yyyy-MM-ddThh:mm:ss and whatever fraction and offset follow, to the next space; 0 for anything else.
    private static int IsoTimeLength(ReadOnlySpan<byte> s)
    {
        if (s.Length < 20 || !AsciiDigits.TryParse(s[..4], out _) || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':')
        {
            return 0;
        }

        int end = s.IndexOf((byte)' ');
        return end < 0 ? 0 : end;
    }

    // An ISO time and a space, as docker logs -t writes it.
    private static int TimestampLength(ReadOnlySpan<byte> line)
    {
        int time = IsoTimeLength(line);
        return time == 0 ? 0 : time + 1;
    }

    // name spaces "| " (docker compose logs) or "[pod/name/container] " (kubectl logs --prefix), and
    // the time after it, where the tool was asked for one.
    private static int ServiceLength(ReadOnlySpan<byte> line)
    {
        int name = ComposeNameLength(line);
        if (name == 0)
        {
            name = line.StartsWith("[pod/"u8) && line.IndexOf("] "u8) is int close and > 5 && line[..close].IndexOf((byte)' ') < 0 ? close + 2 : 0;
        }

        return name == 0 ? 0 : name + TimestampLength(line[name..]);
    }

    // A compose service's name (letters, digits, '_', '.', '-'), padded with spaces, and "| ".
    private static int ComposeNameLength(ReadOnlySpan<byte> line)
    {
        int at = 0;
        while (at < line.Length && (char.IsAsciiLetterOrDigit((char)line[at]) || line[at] is (byte)'_' or (byte)'.' or (byte)'-'))
        {
            at++;
        }

        int name = at;
        while (at < line.Length && line[at] == ' ')
        {
            at++;
        }

        return name > 0 && at > name && line[at..].StartsWith("| "u8) ? at + 2 : 0;
    }

    // time stream (stdout|stderr) (F|P) message
    private static int ContainerLength(ReadOnlySpan<byte> line)
    {
        int time = TimestampLength(line);
        if (time == 0)
        {
            return 0;
        }

        ReadOnlySpan<byte> rest = line[time..];
        return (rest.StartsWith("stdout "u8) || rest.StartsWith("stderr "u8)) && rest.Length > 8 && rest[7] is (byte)'F' or (byte)'P' && rest[8] == ' '
            ? time + 9
            : 0;
    }
}

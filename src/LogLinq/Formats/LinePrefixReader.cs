namespace LogLinq.Formats;

/// <summary>
/// Finds a <see cref="LinePrefix"/> on a file's first line, and its length on each line after.
/// Neither prefix can be taken for the start of an NCSA line (a host is never a month and a day,
/// nor an ISO time followed by a stream name), and a line that is NCSA as it stands has none.
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

        return SyslogLength(line) > 0 && !CommonLogParser.TryParse(line, out _, out _) ? LinePrefix.Syslog : LinePrefix.None;
    }

    /// <summary>
    /// How many bytes of <paramref name="line"/> are <paramref name="prefix"/>; 0 where the line does
    /// not start with one (it is then read as it stands, so that a file may mix the two).
    /// </summary>
    public static int Length(ReadOnlySpan<byte> line, LinePrefix prefix) => prefix switch
    {
        LinePrefix.Syslog => SyslogLength(line),
        LinePrefix.Container => ContainerLength(line),
        _ => 0,
    };

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

    // time stream (stdout|stderr) (F|P) message
    private static int ContainerLength(ReadOnlySpan<byte> line)
    {
        int time = IsoTimeLength(line);
        if (time == 0)
        {
            return 0;
        }

        ReadOnlySpan<byte> rest = line[(time + 1)..];
        return (rest.StartsWith("stdout "u8) || rest.StartsWith("stderr "u8)) && rest.Length > 8 && rest[7] is (byte)'F' or (byte)'P' && rest[8] == ' '
            ? time + 1 + 9
            : 0;
    }
}

namespace LogLinq.Formats;

/// <summary>
/// A line of a web server's error log, which sits beside its access log (<c>/var/log/nginx/error.log</c>,
/// <c>/var/log/apache2/error.log</c>) and so is read by any glob of the directory. Such a file holds
/// no request: its lines would be thousands of malformed ones, so a scan that finds one at the head of
/// a file, before any record, passes over the file and names it once.
/// </summary>
internal static class ErrorLogLine
{
    /// <summary>
    /// What kind of error log <paramref name="line"/> is a line of (<c>"an nginx error log"</c>,
    /// <c>"an Apache error log"</c>); null when it is not one.
    /// </summary>
    /// <remarks>
    /// nginx: <c>2023/10/28 10:00:00 [error] 812#812: *7 open() ...</c>, the time then the level in
    /// brackets. Apache: <c>[Sat Oct 28 10:00:00.123456 2023] [core:error] [pid 812] ...</c> (2.4) or
    /// <c>[Sat Oct 28 10:00:00 2023] [error] [client ...] ...</c> (2.2): a bracketed time that starts
    /// with the day's name, then another bracket.
    /// </remarks>
    public static string? Kind(ReadOnlySpan<byte> line)
    {
        line = line[LineNoise.Length(line)..];
        if (IsNginx(line))
        {
            return "an nginx error log";
        }

        return IsApache(line) ? "an Apache error log" : null;
    }

    private static bool IsNginx(ReadOnlySpan<byte> line)
    {
        // "yyyy/MM/dd HH:mm:ss [level] "
        const int Level = 21;
        if (line.Length < Level + 3 || line[4] != '/' || line[7] != '/' || line[10] != ' ' || line[13] != ':' || line[16] != ':'
            || line[19] != ' ' || line[20] != '[')
        {
            return false;
        }

        foreach (int at in (ReadOnlySpan<int>)[0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18])
        {
            if (!char.IsAsciiDigit((char)line[at]))
            {
                return false;
            }
        }

        int close = line[Level..].IndexOf((byte)']');
        return close > 0 && Level + close + 1 < line.Length && line[Level + close + 1] == ' ' && IsLetters(line.Slice(Level, close));
    }

    private static bool IsApache(ReadOnlySpan<byte> line)
    {
        // "[Ddd Mmm " then, after the time and year, "] ["
        if (line.Length < 12 || line[0] != '[' || line[4] != ' ' || line[8] != ' ' || !IsLetters(line[1..4]) || !IsLetters(line[5..8]))
        {
            return false;
        }

        int close = line[..Math.Min(line.Length, 40)].IndexOf("] ["u8);
        return close > 8 && line[9..close].IndexOfAnyExcept("0123456789:. "u8) < 0;
    }

    private static bool IsLetters(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }

        return true;
    }
}

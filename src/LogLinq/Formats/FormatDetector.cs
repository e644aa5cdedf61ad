using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// The format of a file whose format was not given, from the first lines of it that a reader holds.
/// Nearly always the first line that is not blank says it: it looks like a format
/// (<see cref="AutoLogFormat.Detect"/>) and is a record in it. The first lines are read as
/// <see cref="FormatFinder"/> reads a file line by line, and the format the first record is in is the
/// file's: past a container's start-up messages, a line cut by rotation, a banner. (An NCSA first
/// line of the usual shape is taken at once.)
/// </summary>
internal static class FormatDetector
{
    /// <summary>
    /// How many lines are read for the format when the first does not say it: enough for a
    /// container's start-up messages (nginx's image writes about a dozen) before its first request.
    /// </summary>
    public const int LinesRead = 64;

    /// <summary>
    /// The format of the file that starts with <paramref name="head"/> (whole lines; a last line
    /// without its newline is left out unless <paramref name="wholeFile"/>), and in
    /// <paramref name="sample"/> the line that settled it (the first line that is not blank, when none
    /// did), from which a reader takes the lines' wrapping. Null when every line is blank.
    /// </summary>
    public static LogFormat? Detect(ReadOnlySpan<byte> head, bool wholeFile, out ReadOnlySpan<byte> sample)
    {
        sample = default;
        for (ReadOnlySpan<byte> rest = head; !rest.IsEmpty;)
        {
            int start = head.Length - rest.Length;
            if (!NextLine(ref rest, wholeFile, out ReadOnlySpan<byte> line))
            {
                break;
            }

            if (!LineParser.IsBlank(line))
            {
                sample = head.Slice(start, line.Length);
                LogFormat looks = AutoLogFormat.Detect(line);
                return LooksLikeNcsaRecord(looks, line) ? looks : Settle(head, wholeFile, looks, ref sample);
            }
        }

        return null;
    }

    // NCSA, the format anything unknown is taken for, by its shape ("[time] \"request"): the parser
    // that would say for sure is compiled for the scan's own use, which the first line of every
    // query would otherwise wait for. Any other format's parser says it in Settle, at the first line.
    private static bool LooksLikeNcsaRecord(LogFormat format, ReadOnlySpan<byte> line)
    {
        if (format is not CommonLogFormat)
        {
            return false;
        }

        int open = line.IndexOf(" ["u8);
        return open >= 0 && line[open..].IndexOf("] \""u8) > 0;
    }

    // Read the first lines as a file's are read when its format is not known: the first that is a
    // record in the format it looks like settles it, the first line itself when it is.
    private static LogFormat Settle(ReadOnlySpan<byte> head, bool wholeFile, LogFormat first, ref ReadOnlySpan<byte> sample)
    {
        var finder = new FormatFinder();
        long number = 0;
        for (ReadOnlySpan<byte> rest = head; number < LinesRead;)
        {
            int start = head.Length - rest.Length;
            if (!NextLine(ref rest, wholeFile, out ReadOnlySpan<byte> line))
            {
                break;
            }

            number++;
            if (finder.Test(new LogLine("", number, line.ToArray())) == LineResult.Record)
            {
                sample = head.Slice(start, line.Length);
                return finder.Settled!;
            }
        }

        return first;
    }

    private static bool NextLine(ref ReadOnlySpan<byte> rest, bool wholeFile, out ReadOnlySpan<byte> line)
    {
        int newline = rest.IndexOf((byte)'\n');
        if (newline < 0 && !wholeFile)
        {
            line = default;
            return false;
        }

        line = newline < 0 ? rest : rest[..newline];
        line = line[..Sources.LineReader.WithoutCarriageReturn(line)];
        rest = newline < 0 ? default : rest[(newline + 1)..];
        return true;
    }
}

using LogLinq.Cli.Terminal;
using LogLinq.Records;

namespace LogLinq.Cli.Report;

/// <summary>
/// Tells the user on stderr that lines were skipped, and shows the first few as
/// <c>file:line: reason</c>, the shape editors and terminals can jump to; and which files were passed
/// over for not being access logs.
/// </summary>
internal static class MalformedLinesNotice
{
    /// <summary>How many malformed lines are shown; the count covers the rest.</summary>
    public const int Shown = 5;

    /// <summary>
    /// Writes the notice, or nothing when every line parsed; returns whether a file could not be read
    /// to its end (a damaged archive, named here), which makes the run's answer short: exit 1.
    /// </summary>
    /// <param name="parseReport">What the run counted.</param>
    /// <param name="tool">The command's name, which opens the notice.</param>
    /// <param name="error">Where it goes; stderr when not given.</param>
    public static bool Write(ParseReport parseReport, string tool, TextWriter? error = null)
    {
        long malformed = parseReport.Malformed;
        IReadOnlyList<SkippedFile> otherLogs = parseReport.OtherLogs;
        IReadOnlyList<SkippedFile> damaged = parseReport.DamagedFiles;
        if (malformed == 0 && otherLogs.Count == 0 && damaged.Count == 0)
        {
            return false;
        }

        // Taken only now: the first use of Console.Error finds the console's encoding, a few
        // milliseconds at the end of every run that has nothing to say.
        error ??= Console.Error;

        // A server's error log found by the glob of its directory: one line for the file, not one per line.
        foreach (SkippedFile file in otherLogs)
        {
            error.WriteLine(VisibleText.Of($"{tool}: skipped {file}"));
        }

        WriteMalformed(parseReport, malformed, tool, error);

        // Last, where it is seen: the answer above lacks what came after the damage.
        foreach (SkippedFile file in damaged)
        {
            error.WriteLine(VisibleText.Of($"{tool}: {file}"));
        }

        return damaged.Count > 0;
    }

    private static void WriteMalformed(ParseReport parseReport, long malformed, string tool, TextWriter error)
    {
        if (malformed == 0)
        {
            return;
        }

        string lines = malformed == 1 ? "line" : "lines";
        error.WriteLine($"{tool}: skipped {malformed} malformed {lines} (--strict stops at the first):");
        IReadOnlyList<MalformedLine> samples = parseReport.Samples;
        foreach (MalformedLine line in samples.Take(Shown))
        {
            // A reason quotes its line, and the line's bytes are anyone's: no escape sequence of theirs reaches the terminal.
            error.WriteLine(VisibleText.Of(line.ToString()));
        }

        long more = malformed - Math.Min(samples.Count, Shown);
        if (more > 0)
        {
            error.WriteLine($"... and {more} more");
        }

        if (parseReport.Records == 0)
        {
            WriteNoRecord(parseReport, tool, error);
        }
    }

    // An empty answer from lines all malformed: most likely a format loglinq does not read, or the
    // wrong one named. What each file was taken for, and how to name another.
    private static void WriteNoRecord(ParseReport parseReport, string tool, TextWriter error)
    {
        IReadOnlyDictionary<string, string> readAs = parseReport.ReadAs;
        IEnumerable<string> files = parseReport.MalformedByFile.Keys
            .Where(readAs.ContainsKey)
            .Order(StringComparer.Ordinal)
            .Take(Shown)
            .Select(file => $"{file} was read as {readAs[file]}");
        string read = string.Join("; ", files);
        error.WriteLine(VisibleText.Of(
            $"{tool}: no line was a record{(read.Length > 0 ? ": " + read : "")}; another is named with as (from \"...\" as json), "
            + "and the formats read are listed in docs/query-language.md"));
    }
}

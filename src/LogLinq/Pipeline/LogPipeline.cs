using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using LogLinq.Formats;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Pipeline;

/// <summary>
/// The stages of the pull pipeline, each a small lazy sequence, composed like the generators they
/// descend from: <c>Find → Open → Cat → Grep → Parse</c>. Nothing is read before it is enumerated;
/// each file is opened when reached and closed as soon as it is consumed, or when the consumer stops.
/// </summary>
public static class LogPipeline
{
    /// <summary>
    /// The files matching <paramref name="globs"/>: <c>**</c> (any number of directories, none
    /// included), <c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-z]</c> and <c>[!x]</c>; a glob without
    /// wildcards names one file. Each glob's files come in time order as their names tell it (the
    /// copies of a rotated log oldest first: <c>access.log.2.gz</c>, <c>access.log.1</c>,
    /// <c>access.log</c>; other files in the ordinal order of their paths), the globs' results one
    /// after another, every file once. Relative globs give paths as written under the current directory.
    /// </summary>
    /// <returns>
    /// A lazy sequence: nothing is touched until it is enumerated, and its first step resolves every
    /// glob, so a glob that matches nothing fails before any file is read.
    /// </returns>
    /// <exception cref="Sources.LogSourceException">On enumeration: a glob matches no file, or a directory cannot be read.</exception>
    public static IEnumerable<string> Find(params string[] globs) => GlobFinder.Find(globs);

    /// <summary>
    /// Opens each file in turn, decompressing gzip, bzip2, xz and zstd, and reading a zip archive as
    /// the files in it one after another, as told by its first bytes, whatever its name. A file stays open until the enumeration moves past it; stopping early closes it.
    /// </summary>
    /// <param name="paths">The files, usually from <see cref="Find"/>.</param>
    /// <param name="counters">Where to count bytes read and files opened and closed, if anywhere.</param>
    /// <exception cref="Sources.LogSourceException">
    /// On enumeration: a file is missing, unreadable, or its compressed data is corrupt or truncated
    /// (after every byte that could be decoded before the damage).
    /// </exception>
    public static IEnumerable<OpenedLog> Open(this IEnumerable<string> paths, ReadCounters? counters = null)
    {
        foreach (string path in paths)
        {
            using Stream content = LogFileOpener.Open(path, counters);
            yield return new OpenedLog(path, content);
        }
    }

    /// <summary>
    /// The lines of every file, one after another. A line's bytes are borrowed: see <see cref="LogLine"/>.
    /// A line longer than 16 MB is not read but comes as one without bytes, marked
    /// <see cref="LogLine.IsOverlong"/>, so that line numbers stay right and <see cref="Parse"/> reports it;
    /// so does the text of a line a hole of zeros cut short, marked <see cref="LogLine.IsCut"/>, before
    /// the text after the zeros.
    /// </summary>
    public static IEnumerable<LogLine> Cat(this IEnumerable<OpenedLog> files)
    {
        foreach (OpenedLog file in files)
        {
            using var reader = new LineReader(file.Content, ownsStream: false);

            // The reader tells of the over-long and cut lines it passes over before it returns the line
            // after them: they are handed out first, in order.
            var passed = new Queue<LogLine>();
            reader.OverlongLine = (number, _) => passed.Enqueue(new LogLine(file.Path, number, default) { IsOverlong = true });
            reader.CutLine = (number, _) => passed.Enqueue(new LogLine(file.Path, number, default) { IsCut = true });
            while (true)
            {
                bool more = reader.MoveNext();
                while (passed.TryDequeue(out LogLine line))
                {
                    yield return line;
                }

                if (!more)
                {
                    break;
                }

                yield return new LogLine(file.Path, reader.LineNumber, reader.CurrentMemory);
            }
        }
    }

    /// <summary>
    /// The lines that <paramref name="pattern"/> matches, tested on the raw line. Over-long lines
    /// (<see cref="LogLine.IsOverlong"/>) and cut ones (<see cref="LogLine.IsCut"/>), whose bytes were
    /// not kept, are passed on untested, so that <see cref="Parse"/> can report them.
    /// </summary>
    public static IEnumerable<LogLine> Grep(this IEnumerable<LogLine> lines, Regex pattern)
    {
        char[] chars = [];
        try
        {
            foreach (LogLine line in lines)
            {
                if (line.IsOverlong || line.IsCut)
                {
                    yield return line;
                    continue;
                }

                ReadOnlySpan<byte> bytes = line.Bytes.Span;
                int needed = Encoding.UTF8.GetMaxCharCount(bytes.Length);
                if (chars.Length < needed)
                {
                    if (chars.Length > 0)
                    {
                        ArrayPool<char>.Shared.Return(chars);
                    }

                    chars = ArrayPool<char>.Shared.Rent(needed);
                }

                int length = Encoding.UTF8.GetChars(bytes, chars);
                if (pattern.IsMatch(chars.AsSpan(0, length)))
                {
                    yield return line;
                }
            }
        }
        finally
        {
            if (chars.Length > 0)
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
    }

    /// <summary>The lines that <paramref name="pattern"/> (a regular expression) matches.</summary>
    public static IEnumerable<LogLine> Grep(this IEnumerable<LogLine> lines, string pattern) =>
        lines.Grep(new Regex(pattern, RegexOptions.CultureInvariant));

    /// <summary>
    /// Parses lines into records. Malformed lines (over-long ones among them) are skipped and counted in
    /// <paramref name="report"/>; with <paramref name="strict"/> the first one throws <see cref="MalformedLogException"/>.
    /// </summary>
    public static IEnumerable<LogRecord> Parse(
        this IEnumerable<LogLine> lines,
        LogFormat? format = null,
        ParseReport? report = null,
        bool strict = false)
    {
        format ??= LogFormat.Auto;
        LineParser? parser = null;
        string? currentFile = null;
        foreach (LogLine line in lines)
        {
            // A new parser per file: formats may differ between files, and headers are per file.
            if (!ReferenceEquals(line.File, currentFile) && line.File != currentFile)
            {
                currentFile = line.File;
                parser = format.CreateParser();
            }

            if (line.IsOverlong || line.IsCut)
            {
                ParseReport.Reject(report, new MalformedLine(line.File, line.Number, line.IsCut ? LineReader.CutReason : LineReader.OverlongReason), strict);
                continue;
            }

            LineResult result = parser!.Parse(line, out LogRecord? record, out string? error);
            if (result == LineResult.Malformed)
            {
                // Zeros that cut a line short: the text after them is the line (see LineHole).
                result = LineHole.ParseAfter(parser, line, out _, out record);
                ParseReport.Reject(report, new MalformedLine(line.File, line.Number, result == LineResult.Malformed ? error ?? "malformed line" : LineReader.CutReason), strict);
            }

            if (result == LineResult.Record)
            {
                report?.AddRecords(1);
                yield return record!;
            }
        }
    }
}

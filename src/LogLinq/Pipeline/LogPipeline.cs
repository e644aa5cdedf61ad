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
    /// <summary>The files matching <paramref name="globs"/>, in a sorted, deterministic order.</summary>
    public static IEnumerable<string> Find(params string[] globs) => GlobFinder.Find(globs);

    /// <summary>
    /// Opens each file in turn, decompressing by its magic bytes. A file stays open until the
    /// enumeration moves past it; stopping early closes it.
    /// </summary>
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
    /// </summary>
    public static IEnumerable<LogLine> Cat(this IEnumerable<OpenedLog> files)
    {
        foreach (OpenedLog file in files)
        {
            using var reader = new LineReader(file.Content, ownsStream: false);
            while (reader.MoveNext())
            {
                yield return new LogLine(file.Path, reader.LineNumber, reader.CurrentMemory);
            }
        }
    }

    /// <summary>The lines that <paramref name="pattern"/> matches, tested on the raw line.</summary>
    public static IEnumerable<LogLine> Grep(this IEnumerable<LogLine> lines, Regex pattern)
    {
        char[] chars = [];
        try
        {
            foreach (LogLine line in lines)
            {
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
    /// Parses lines into records. Malformed lines are skipped and counted in <paramref name="report"/>;
    /// with <paramref name="strict"/> the first one throws <see cref="MalformedLogException"/>.
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

            switch (parser!.Parse(line, out LogRecord? record, out string? error))
            {
                case LineResult.Record:
                    report?.AddRecords(1);
                    yield return record!;
                    break;
                case LineResult.Malformed:
                    var malformed = new MalformedLine(line.File, line.Number, error ?? "malformed line");
                    if (strict)
                    {
                        throw new MalformedLogException(malformed);
                    }

                    report?.AddMalformed(malformed);
                    break;
            }
        }
    }
}

using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace LogLinq.Tests.Core;

/// <summary>
/// The tutorial's data read a second, independent way, without any LogLinq code: the files listed
/// with <see cref="Directory.EnumerateFiles(string, string, SearchOption)"/>, .gz inflated with
/// <see cref="GZipStream"/>, .bz2 by the <c>bzip2 -dc</c> process, plain files with
/// <see cref="File.ReadAllLines(string)"/>, and every line taken apart by one regular expression.
/// </summary>
public sealed partial class TutorialOracle
{
    public TutorialOracle()
    {
        string www = Path.Combine(TestPaths.Data, "www");
        Files = [.. Directory.EnumerateFiles(www, "access-log*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        LinesByFile = Files.ToDictionary(f => f, ReadLines);
        RequestsByFile = Files.ToDictionary(f => f, f => (IReadOnlyList<Request>)[.. LinesByFile[f].Select(ParseLine)]);
        Requests = [.. Files.SelectMany(f => RequestsByFile[f])];
        SampleLines = File.ReadAllLines(Path.Combine(TestPaths.Data, "access-log"));
        SampleRequests = [.. SampleLines.Select(ParseLine)];
    }

    /// <summary>One request as the oracle's regex reads it.</summary>
    public sealed record Request(string Host, string Method, string Path, int Status, long Bytes);

    /// <summary>The six files under data/www, by full path.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The decompressed lines of each of <see cref="Files"/>.</summary>
    public IReadOnlyDictionary<string, string[]> LinesByFile { get; }

    /// <summary>The requests of each of <see cref="Files"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Request>> RequestsByFile { get; }

    /// <summary>Every request of the six files.</summary>
    public IReadOnlyList<Request> Requests { get; }

    /// <summary>The lines of data/access-log.</summary>
    public string[] SampleLines { get; }

    /// <summary>The requests of data/access-log.</summary>
    public IReadOnlyList<Request> SampleRequests { get; }

    [GeneratedRegex("""^(\S+) \S+ \S+ \[[^\]]+\] "(\S+) (\S+) [^"]*" (\d{3}) (\S+)$""")]
    private static partial Regex LinePattern();

    private static Request ParseLine(string line)
    {
        Match m = LinePattern().Match(line);
        if (!m.Success)
        {
            throw new InvalidDataException($"the oracle's regex does not match: {line}");
        }

        string bytes = m.Groups[5].Value;
        return new Request(
            m.Groups[1].Value,
            m.Groups[2].Value,
            m.Groups[3].Value,
            int.Parse(m.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture),
            bytes == "-" ? 0 : long.Parse(bytes, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string[] ReadLines(string path)
    {
        if (path.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            return ReadAllLines(new StreamReader(gzip));
        }

        if (path.EndsWith(".bz2", StringComparison.Ordinal))
        {
            var start = new ProcessStartInfo("bzip2")
            {
                ArgumentList = { "-dc", path },
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using Process bzip2 = Process.Start(start) ?? throw new InvalidOperationException("could not start bzip2");
            string[] lines = ReadAllLines(bzip2.StandardOutput);
            bzip2.WaitForExit();
            if (bzip2.ExitCode != 0)
            {
                throw new InvalidOperationException($"bzip2 -dc {path} exited with {bzip2.ExitCode}");
            }

            return lines;
        }

        return File.ReadAllLines(path);
    }

    private static string[] ReadAllLines(TextReader reader)
    {
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return [.. lines];
    }
}

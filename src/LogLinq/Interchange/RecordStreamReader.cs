using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Interchange;

/// <summary>
/// Reads a LogLinq record stream, as <see cref="RecordStreamWriter"/> and <c>loglinq query ... --emit
/// records</c> write it, back into records equal to those written.
/// </summary>
/// <example>
/// <code>
/// foreach (LogRecord r in RecordStreamReader.Read(File.OpenRead("404s.lqr"), "404s.lqr"))
///     Console.WriteLine($"{r.File}:{r.LineNumber}: {r.Path}");
/// </code>
/// </example>
public static class RecordStreamReader
{
    /// <summary>
    /// The records of <paramref name="input"/>, read lazily as the sequence is enumerated. Streams
    /// written one after another (concatenated) are read as one.
    /// </summary>
    /// <param name="input">The stream; read from where it is, once.</param>
    /// <param name="name">What to call the stream in errors (a file name, "standard input").</param>
    /// <param name="leaveOpen">Keep <paramref name="input"/> open when enumeration ends; by default it is closed.</param>
    /// <returns>
    /// A sequence that can be enumerated once. It throws <see cref="LogSourceException"/>, naming the
    /// stream, on input that is not a record stream, is of a newer version, is damaged, or ends early
    /// (in the middle of a record, or before the end mark its writer puts after the last record),
    /// after delivering every record before the problem.
    /// </returns>
    public static IEnumerable<LogRecord> Read(Stream input, string name = "record stream", bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(name);
        return ReadAll(input, name, leaveOpen);
    }

    private static IEnumerable<LogRecord> ReadAll(Stream input, string name, bool leaveOpen)
    {
        using var decoder = new RecordDecoder(input, name, leaveOpen);
        while (decoder.TryRead(out LogRecord? record))
        {
            yield return record!;
        }
    }
}

using LogLinq.Cli.Terminal;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Cli.Commands;

/// <summary>
/// The failures a user can cause and fix (missing files, corrupt archives, malformed lines in strict
/// mode, permissions, a full disk, numbers in the data too big to add up), told in one line. Anything
/// else is a bug in loglinq and keeps its stack trace.
/// </summary>
internal static class RuntimeErrors
{
    /// <summary>Whether <paramref name="e"/> is a failure of the input or the environment rather than a bug.</summary>
    /// <remarks>
    /// An overflow is the data's: loglinq's arithmetic on values it reads (sums, averages, a query's
    /// integer + - *) is checked, as LINQ's sums are, so a byte count near 2^63 stops the run
    /// rather than giving a wrong total; a query's own overflow names its expression.
    /// </remarks>
    public static bool IsExpected(Exception e) =>
        e is LogSourceException or MalformedLogException or IOException or UnauthorizedAccessException or OverflowException;

    /// <summary>
    /// The one-line message for an expected failure, its control characters escaped: a malformed
    /// line's reason quotes the line, whose bytes are anyone's.
    /// </summary>
    public static string Describe(Exception e) => VisibleText.Of(e switch
    {
        // The library's message adds a hint about strict mode; the user asked for it, so say just where and why.
        MalformedLogException malformed => malformed.Line.ToString(),
        LogSourceException { Path: { } path } source when !source.Message.Contains(path, StringComparison.Ordinal) =>
            $"{path}: {source.Message}",
        _ => e.Message,
    });
}

using System.Text;
using LogLinq.Formats;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>One parser run over in-memory lines, as a file of them would be read: for tests of a format's lines.</summary>
internal static class ParsedLines
{
    /// <summary>Each line's result, record and error, the lines numbered from 1 in a file named <paramref name="file"/>.</summary>
    public static List<(LineResult Result, LogRecord? Record, string? Error)> Of(LogFormat format, string file, params string[] lines)
    {
        LineParser parser = format.CreateParser();
        var results = new List<(LineResult, LogRecord?, string?)>();
        for (int i = 0; i < lines.Length; i++)
        {
            var line = new LogLine(file, i + 1, Encoding.UTF8.GetBytes(lines[i]));
            LineResult result = parser.Parse(line, out LogRecord? record, out string? error);
            results.Add((result, record, error));
        }

        return results;
    }

    /// <summary>The record of a line that must be one (its error, if not, says why).</summary>
    public static LogRecord Record((LineResult Result, LogRecord? Record, string? Error) result)
    {
        result.Result.Should().Be(LineResult.Record, result.Error);
        return result.Record!;
    }
}

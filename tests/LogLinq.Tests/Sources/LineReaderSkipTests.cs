using System.Text;
using LogLinq.Sources;

namespace LogLinq.Tests.Sources;

/// <summary>
/// <see cref="LineReader.MoveNextContaining"/> skips lines without splitting them; the lines it
/// stops at, their numbers and offsets must be those a line-by-line read finds.
/// </summary>
public class LineReaderSkipTests
{
    private static readonly byte[] Literal = "404 "u8.ToArray();

    private static byte[] Sample()
    {
        var text = new StringBuilder();
        var random = new Random(404);
        for (int i = 1; i <= 5_000; i++)
        {
            string status = random.Next(20) == 0 ? "404" : "200";
            text.Append(i % 97 == 0 ? "\r\n" : $"10.0.0.{i % 250} - - [x] \"GET /{new string('a', random.Next(0, 300))} HTTP/1.1\" {status} {i}\n");
        }

        text.Append("last 404 line without newline");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>Line number, offset and text of every line holding the literal, read one line at a time.</summary>
    private static List<(long Number, long Offset, string Text)> Expected(byte[] content, long stop = long.MaxValue)
    {
        var found = new List<(long, long, string)>();
        long offset = 0;
        long number = 0;
        foreach (string line in Encoding.ASCII.GetString(content).Split('\n'))
        {
            number++;
            if (offset >= stop)
            {
                break;
            }

            if (line.Contains("404 ", StringComparison.Ordinal))
            {
                found.Add((number, offset, line.TrimEnd('\r')));
            }

            offset += line.Length + 1;
        }

        return found;
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1000)]
    [InlineData(64 * 1024)]
    public void It_stops_at_the_same_lines_with_the_same_numbers(int bufferSize)
    {
        byte[] content = Sample();
        using var reader = new LineReader(new MemoryStream(content), bufferSize);
        var found = new List<(long, long, string)>();
        while (reader.MoveNextContaining(Literal, long.MaxValue))
        {
            string line = Encoding.ASCII.GetString(reader.Current);
            if (line.Contains("404 ", StringComparison.Ordinal))
            {
                found.Add((reader.LineNumber, reader.LineOffset, line));
            }
        }

        found.Should().Equal(Expected(content));
        reader.LineNumber.Should().Be(5_001);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(12_345)]
    [InlineData(400_000)]
    public void It_skips_no_line_that_starts_at_or_after_the_stop(long stop)
    {
        byte[] content = Sample();
        using var reader = new LineReader(new MemoryStream(content), 4096);
        var found = new List<(long, long, string)>();
        while (reader.MoveNextContaining(Literal, stop))
        {
            if (reader.LineOffset >= stop)
            {
                // The first line at or after the stop: the one a line-by-line read would stop at.
                long expectedNumber = Encoding.ASCII.GetString(content[..(int)reader.LineOffset]).Count(c => c == '\n') + 1;
                reader.LineNumber.Should().Be(expectedNumber);
                (reader.LineOffset == 0 || content[reader.LineOffset - 1] == '\n').Should().BeTrue();
                break;
            }

            string line = Encoding.ASCII.GetString(reader.Current);
            if (line.Contains("404 ", StringComparison.Ordinal))
            {
                found.Add((reader.LineNumber, reader.LineOffset, line));
            }
        }

        found.Should().Equal(Expected(content, stop));
    }
}

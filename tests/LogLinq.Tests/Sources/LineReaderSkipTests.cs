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

    [Fact]
    public async Task Over_long_lines_are_passed_over_as_one_line_each_between_the_lines_it_stops_at()
    {
        // After an over-long line the buffer is twice the maximum: the lines skipped in one go then
        // run past the maximum, and must still all be counted, none lost, and in linear time (taking
        // them a line at a time, each after a search of the whole buffer, took minutes).
        var content = new MemoryStream();
        content.Write("a 404 first\n"u8);
        content.Write(Filler(LineReader.MaxLineLength + 10));
        content.Write("\n"u8);
        byte[] line = "no match on this line\n"u8.ToArray();
        for (int i = 0; i < ((LineReader.MaxLineLength * 5) / 2) / line.Length; i++)
        {
            content.Write(line);
        }

        content.Write("b 404 middle\r\n"u8);
        content.Write(Filler(LineReader.MaxLineLength + 1));
        content.Write("\r\nc 404 last"u8);
        byte[] bytes = content.ToArray();

        var overlong = new List<(long, long)>();
        var found = new List<(long, long, string)>();
        long lines = 0;
        Task read = Task.Run(() =>
        {
            using var reader = new LineReader(new MemoryStream(bytes));
            reader.OverlongLine = (number, offset) => overlong.Add((number, offset));
            while (reader.MoveNextContaining(Literal, long.MaxValue))
            {
                string text = Encoding.ASCII.GetString(reader.Current);
                if (text.Contains("404 ", StringComparison.Ordinal))
                {
                    found.Add((reader.LineNumber, reader.LineOffset, text));
                }
            }

            lines = reader.LineNumber;
        });

        (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(60)))).Should().BeSameAs(read, "skipping is linear work, done in seconds");
        await read;

        // Worked out from the bytes: each line's number and offset, by its newlines.
        var expectedFound = new List<(long, long, string)>();
        var expectedOverlong = new List<(long, long)>();
        long number = 0;
        for (int start = 0; start < bytes.Length; number++)
        {
            int newline = Array.IndexOf(bytes, (byte)'\n', start);
            int end = newline < 0 ? bytes.Length : newline;
            string text = Encoding.ASCII.GetString(bytes, start, end - start).TrimEnd('\r');
            if (text.Length > LineReader.MaxLineLength)
            {
                expectedOverlong.Add((number + 1, start));
            }
            else if (text.Contains("404 ", StringComparison.Ordinal))
            {
                expectedFound.Add((number + 1, start, text));
            }

            start = end + 1;
        }

        found.Should().Equal(expectedFound);
        overlong.Should().Equal(expectedOverlong);
        lines.Should().Be(number);
    }

    /// <summary>Bytes that are neither a newline nor the literal.</summary>
    private static byte[] Filler(int length)
    {
        byte[] bytes = new byte[length];
        bytes.AsSpan().Fill((byte)'z');
        return bytes;
    }
}

using System.Text;
using LogLinq.Sources;

namespace LogLinq.Tests.Core;

public sealed class LineReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A line as read, or an over-long one as the reader told of it (no bytes).</summary>
    private sealed record Line(long Number, long Offset, byte[] Bytes, bool Overlong = false)
    {
        public string Text => Encoding.UTF8.GetString(Bytes);
    }

    /// <summary>
    /// Reads every line of a real file, copying each one (the reader's view is reused), with the
    /// over-long lines the reader passes over in their places.
    /// </summary>
    private static List<Line> ReadAll(string path, int maxBytesPerRead = int.MaxValue, int bufferSize = LineReader.DefaultBufferSize)
    {
        var lines = new List<Line>();
        using var reader = new LineReader(ShortReadStream.OpenFile(path, maxBytesPerRead), bufferSize);
        reader.OverlongLine = (number, offset) => lines.Add(new Line(number, offset, [], Overlong: true));
        while (reader.MoveNext())
        {
            lines.Add(new Line(reader.LineNumber, reader.LineOffset, reader.Current.ToArray()));
        }

        reader.MoveNext().Should().BeFalse("the end of a stream stays the end");
        return lines;
    }

    /// <summary>
    /// The lines of <paramref name="content"/> worked out apart from the reader: split at each newline,
    /// numbered from 1, a final <c>'\r'</c> taken off, and those longer than the maximum without bytes.
    /// </summary>
    private static List<Line> Expected(byte[] content)
    {
        var lines = new List<Line>();
        int start = 0;
        while (start < content.Length)
        {
            int newline = Array.IndexOf(content, (byte)'\n', start);
            int end = newline < 0 ? content.Length : newline;
            int length = end > start && content[end - 1] == '\r' ? end - start - 1 : end - start;
            lines.Add(length > LineReader.MaxLineLength
                ? new Line(lines.Count + 1, start, [], Overlong: true)
                : new Line(lines.Count + 1, start, content[start..(start + length)]));
            start = end + 1;
        }

        return lines;
    }

    private static void ShouldBeTheSame(List<Line> actual, List<Line> expected)
    {
        actual.Select(l => (l.Number, l.Offset, l.Overlong, l.Bytes.Length)).Should().Equal(expected.Select(l => (l.Number, l.Offset, l.Overlong, l.Bytes.Length)));
        actual.Zip(expected).Where(pair => !pair.First.Bytes.AsSpan().SequenceEqual(pair.Second.Bytes)).Should().BeEmpty("every line comes back byte for byte");
    }

    private List<string> Texts(string content, int maxBytesPerRead = int.MaxValue) =>
        [.. ReadAll(_temp.Write("t.log", content), maxBytesPerRead).Select(l => l.Text)];

    [Fact]
    public void Lf_line_endings_are_split_and_removed()
    {
        Texts("alpha\nbeta\ngamma\n").Should().Equal("alpha", "beta", "gamma");
    }

    [Fact]
    public void Crlf_line_endings_are_split_and_removed()
    {
        Texts("alpha\r\nbeta\r\ngamma\r\n").Should().Equal("alpha", "beta", "gamma");
    }

    [Fact]
    public void Mixed_line_endings_are_each_handled()
    {
        Texts("a\r\nb\nc\r\n\r\n\nd\r\ne").Should().Equal("a", "b", "c", "", "", "d", "e");
    }

    [Fact]
    public void A_carriage_return_not_before_a_newline_is_part_of_the_line()
    {
        Texts("a\rb\n\rc\n").Should().Equal("a\rb", "\rc");
    }

    [Fact]
    public void Only_one_carriage_return_is_removed_before_a_newline()
    {
        Texts("a\r\r\n").Should().Equal("a\r");
    }

    [Fact]
    public void The_last_line_without_a_newline_is_returned()
    {
        Texts("first\nlast").Should().Equal("first", "last");
        Texts("only").Should().Equal("only");
        Texts("first\r\nlast\r").Should().Equal("first", "last");
    }

    [Fact]
    public void An_empty_file_has_no_lines()
    {
        ReadAll(_temp.Write("empty.log", Array.Empty<byte>())).Should().BeEmpty();
    }

    [Fact]
    public void Empty_lines_are_lines()
    {
        Texts("\n").Should().Equal("");
        Texts("\n\n\n").Should().Equal("", "", "");
        Texts("\r\n\r\n").Should().Equal("", "");
        Texts("a\n\nb\n").Should().Equal("a", "", "b");
    }

    [Fact]
    public void Line_numbers_count_from_one_including_empty_lines()
    {
        List<Line> lines = ReadAll(_temp.Write("n.log", "a\n\nb\r\nc"));
        lines.Select(l => l.Number).Should().Equal(1, 2, 3, 4);
        lines.Should().OnlyContain(l => !l.Overlong);
    }

    [Fact]
    public void Line_numbers_of_a_real_log_match_its_lines()
    {
        string path = Path.Combine(TestPaths.Data, "access-log");
        string[] expected = File.ReadAllLines(path);
        List<Line> lines = ReadAll(path);

        lines.Should().HaveCount(7298);
        lines.Select(l => l.Number).Should().Equal(Enumerable.Range(1, 7298).Select(i => (long)i));
        lines.Select(l => l.Text).Should().Equal(expected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Short_reads_give_the_same_lines(int maxBytesPerRead)
    {
        string path = Path.Combine(TestPaths.Data, "access-log");
        string[] expected = File.ReadAllLines(path);

        List<Line> lines = ReadAll(path, maxBytesPerRead);

        lines.Select(l => l.Text).Should().Equal(expected);
        lines[^1].Number.Should().Be(7298);
    }

    [Fact]
    public void Short_reads_across_crlf_and_empty_lines()
    {
        const string content = "a\r\n\r\nbb\nccc\r\n\nd";
        string[] expected = ["a", "", "bb", "ccc", "", "d"];
        for (int chunk = 1; chunk <= 4; chunk++)
        {
            Texts(content, chunk).Should().Equal(expected, $"reading {chunk} byte(s) at a time");
        }
    }

    [Fact]
    public void Huge_lines_among_short_lines_come_back_exactly()
    {
        byte[] oneMb = Letters(1024 * 1024, seed: 1);
        byte[] fiveMb = Letters(5 * 1024 * 1024, seed: 2);
        using var content = new MemoryStream();
        content.Write("short 1\n"u8);
        content.Write(oneMb);
        content.Write("\r\nshort 2\n\n"u8);
        content.Write(fiveMb);
        content.Write("\nshort 3"u8);
        string path = _temp.Write("huge.log", content.ToArray());

        foreach (int maxBytesPerRead in new[] { int.MaxValue, 4093 })
        {
            List<Line> lines = ReadAll(path, maxBytesPerRead);

            lines.Should().HaveCount(6);
            lines[0].Text.Should().Be("short 1");
            lines[1].Bytes.AsSpan().SequenceEqual(oneMb).Should().BeTrue("the 1 MB line comes back byte for byte");
            lines[2].Text.Should().Be("short 2");
            lines[3].Bytes.Should().BeEmpty();
            lines[4].Bytes.AsSpan().SequenceEqual(fiveMb).Should().BeTrue("the 5 MB line comes back byte for byte");
            lines[5].Text.Should().Be("short 3");
            lines.Select(l => l.Number).Should().Equal(1, 2, 3, 4, 5, 6);
            lines.Should().OnlyContain(l => !l.Overlong);
        }
    }

    [Fact]
    public async Task A_long_line_read_one_byte_at_a_time_takes_linear_time()
    {
        // Each short read must not rescan the whole unfinished line for a newline: that is
        // quadratic, and a 4 MB line delivered a byte at a time would then take minutes.
        byte[] line = Letters(4 * 1024 * 1024, seed: 3);
        string path = _temp.Write("slow.log", [.. line, (byte)'\n', (byte)'x']);

        Task<List<Line>> work = Task.Run(() => ReadAll(path, maxBytesPerRead: 1));

        Task first = await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(30)));
        first.Should().BeSameAs(work, "reading 4 MB a byte at a time is linear work, done in a few seconds at most");
        List<Line> lines = await work;
        lines.Should().HaveCount(2);
        lines[0].Bytes.AsSpan().SequenceEqual(line).Should().BeTrue();
        lines[1].Text.Should().Be("x");
    }

    [Fact]
    public void Invalid_utf8_is_passed_through_untouched()
    {
        byte[] invalid = [0xFF, 0xFE, (byte)' ', 0xC3, 0x28, (byte)' ', 0xED, 0xA0, 0x80, (byte)' ', 0xF0, 0x9F, 0x98, 0x80, 0x80, 0xC0, 0xAF];
        byte[] content = [.. "ok\n"u8, .. invalid, (byte)'\r', (byte)'\n', .. invalid];

        List<Line> lines = ReadAll(_temp.Write("bad-utf8.log", content));

        lines.Should().HaveCount(3);
        lines[0].Text.Should().Be("ok");
        lines[1].Bytes.Should().Equal(invalid);
        lines[2].Bytes.Should().Equal(invalid);
    }

    [Fact]
    public void Binary_noise_without_newlines_is_one_over_long_line_passed_over_in_bounded_memory()
    {
        byte[] noise = new byte[(6 * LineReader.MaxLineLength) + 12345];
        new Random(42).NextBytes(noise);
        for (int i = 0; i < noise.Length; i++)
        {
            if (noise[i] is (byte)'\n' or (byte)'\r')
            {
                noise[i] = (byte)'#';
            }
        }

        string path = _temp.Write("noise.bin", noise);

        var overlong = new List<(long Number, long Offset)>();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        using (var reader = new LineReader(ShortReadStream.OpenFile(path)))
        {
            reader.OverlongLine = (number, offset) => overlong.Add((number, offset));
            reader.MoveNext().Should().BeFalse("the only line is passed over");
            reader.LineNumber.Should().Be(1);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        overlong.Should().Equal((1L, 0L));
        allocated.Should().BeLessThan(5L * LineReader.MaxLineLength, "the buffer grows to about two maximum lines, not to the whole file");
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(65_521)]
    public void Over_long_lines_are_passed_over_each_as_one_line_and_the_lines_after_keep_their_numbers(int maxBytesPerRead)
    {
        // Two over-long lines in a row (one of them more than two buffers' worth), one just over the
        // maximum ending in CRLF, short lines and an empty one between, and an over-long last line
        // without a newline.
        using var content = new MemoryStream();
        content.Write("short 1\n"u8);
        content.Write(Letters((2 * LineReader.MaxLineLength) + 10, seed: 11));
        content.Write("\n"u8);
        content.Write(Letters(LineReader.MaxLineLength + 1, seed: 12));
        content.Write("\r\nshort 2\n\n"u8);
        content.Write(Letters(LineReader.MaxLineLength, seed: 13));
        content.Write("\r\nshort 3\n"u8);
        content.Write(Letters(LineReader.MaxLineLength + 5, seed: 14));
        byte[] bytes = content.ToArray();
        string path = _temp.Write("over.log", bytes);

        List<Line> lines = ReadAll(path, maxBytesPerRead);

        List<Line> expected = Expected(bytes);
        expected.Select(l => l.Overlong).Should().Equal(false, true, true, false, false, false, false, true);
        ShouldBeTheSame(lines, expected);
    }

    [Fact]
    public void A_line_of_exactly_the_maximum_length_is_not_over_long()
    {
        byte[] line = Letters(LineReader.MaxLineLength, seed: 6);
        string path = _temp.Write("exact.log", [.. line, (byte)'\n', .. "next"u8]);

        List<Line> lines = ReadAll(path);

        lines.Select(l => l.Bytes.Length).Should().Equal(LineReader.MaxLineLength, 4);
        lines.Should().OnlyContain(l => !l.Overlong);
        lines[0].Bytes.AsSpan().SequenceEqual(line).Should().BeTrue();
    }

    [Fact]
    public void A_line_of_exactly_the_maximum_length_ending_in_crlf_is_not_over_long()
    {
        byte[] line = Letters(LineReader.MaxLineLength, seed: 7);
        string path = _temp.Write("exact-crlf.log", [.. line, (byte)'\r', (byte)'\n', .. "next\r\n"u8]);

        List<Line> lines = ReadAll(path, maxBytesPerRead: 1 << 20);

        lines.Select(l => l.Bytes.Length).Should().Equal(LineReader.MaxLineLength, 4);
        lines.Should().OnlyContain(l => !l.Overlong);
        lines[0].Bytes.AsSpan().SequenceEqual(line).Should().BeTrue();
        lines.Select(l => l.Number).Should().Equal(1, 2);
    }

    [Fact]
    public void A_handler_that_throws_stops_the_reading_at_the_over_long_line()
    {
        string path = _temp.Write("strict.log", [.. "one\n"u8, .. Letters(LineReader.MaxLineLength + 1, seed: 9), .. "\nthree\n"u8]);
        using var reader = new LineReader(ShortReadStream.OpenFile(path));
        reader.OverlongLine = (number, _) => throw new InvalidOperationException($"line {number}");

        reader.MoveNext().Should().BeTrue();
        reader.Invoking(r => r.MoveNext()).Should().Throw<InvalidOperationException>().WithMessage("line 2");
        reader.LineNumber.Should().Be(2);
    }

    [Fact]
    public void SkipLine_passes_over_the_first_line_however_long_without_telling_of_it()
    {
        byte[] partial = Letters((2 * LineReader.MaxLineLength) + 3, seed: 10);
        string path = _temp.Write("partial.log", [.. partial, .. "\nsecond\n"u8, .. Letters(LineReader.MaxLineLength + 1, seed: 15), .. "\nfourth"u8]);
        var told = new List<long>();
        using var reader = new LineReader(ShortReadStream.OpenFile(path));
        reader.OverlongLine = (number, _) => told.Add(number);

        reader.SkipLine().Should().BeTrue();
        reader.LineNumber.Should().Be(1);
        reader.MoveNext().Should().BeTrue();
        (reader.LineNumber, reader.LineOffset, Encoding.ASCII.GetString(reader.Current)).Should().Be((2L, partial.Length + 1L, "second"));
        reader.MoveNext().Should().BeTrue();
        (reader.LineNumber, Encoding.ASCII.GetString(reader.Current)).Should().Be((4L, "fourth"));
        told.Should().Equal(3L);

        using var empty = new LineReader(new MemoryStream());
        empty.SkipLine().Should().BeFalse();
        using var shortFirst = new LineReader(new MemoryStream("ab\ncd"u8.ToArray()));
        shortFirst.SkipLine().Should().BeTrue();
        shortFirst.MoveNext().Should().BeTrue();
        (shortFirst.LineNumber, Encoding.ASCII.GetString(shortFirst.Current)).Should().Be((2L, "cd"));
    }

    [Fact]
    public void A_line_passed_over_stops_at_the_stop_offset_and_ends_the_stream_there()
    {
        // A range's reader: a line that runs past its end is no concern of it, however long. It reads
        // no more than it takes to know the line over-long (a maximum line) and a read.
        const int read = 1 << 20;
        byte[] content = [.. "one\n"u8, .. Letters((3 * LineReader.MaxLineLength) + 7, seed: 16), .. "\nlast\n"u8];
        string path = _temp.Write("stop.log", content);

        using (var counting = ShortReadStream.OpenFile(path, read))
        using (var reader = new LineReader(counting, ownsStream: false) { StopOffset = 100 })
        {
            var told = new List<(long, long)>();
            reader.OverlongLine = (number, offset) => told.Add((number, offset));
            reader.MoveNext().Should().BeTrue();
            reader.MoveNext().Should().BeFalse("the over-long line runs past the stop");
            told.Should().Equal((2L, 4L));
            counting.BytesRead.Should().BeLessThanOrEqualTo(LineReader.MaxLineLength + (2 * read));
        }

        using (var counting = ShortReadStream.OpenFile(path, read))
        using (var reader = new LineReader(counting, ownsStream: false) { StopOffset = 100 })
        {
            reader.SkipLine().Should().BeTrue();
            reader.SkipLine().Should().BeTrue();
            reader.MoveNext().Should().BeFalse("the line skipped runs past the stop");
            counting.BytesRead.Should().BeLessThanOrEqualTo(2 * read, "a line skipped need not be known over-long");
        }
    }

    [Fact]
    public void CurrentMemory_is_the_same_bytes_as_Current()
    {
        string path = _temp.Write("m.log", "one\r\ntwo\n");
        using var reader = new LineReader(ShortReadStream.OpenFile(path));
        while (reader.MoveNext())
        {
            reader.CurrentMemory.Span.SequenceEqual(reader.Current).Should().BeTrue();
        }
    }

    [Fact]
    public void The_stream_is_disposed_only_when_owned()
    {
        string path = _temp.Write("own.log", "a\n");

        var owned = ShortReadStream.OpenFile(path);
        new LineReader(owned).Dispose();
        owned.IsDisposed.Should().BeTrue();

        using var borrowed = ShortReadStream.OpenFile(path);
        new LineReader(borrowed, ownsStream: false).Dispose();
        borrowed.IsDisposed.Should().BeFalse();
    }

    [Fact]
    public void A_small_buffer_grows_for_longer_lines()
    {
        string longLine = new('x', 100_000);
        string path = _temp.Write("small-buffer.log", $"a\n{longLine}\nb");

        ReadAll(path, bufferSize: 16).Select(l => l.Text).Should().Equal("a", longLine, "b");
    }

    private static byte[] Letters(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)('a' + (bytes[i] % 26));
        }

        return bytes;
    }
}

using System.Text;
using LogLinq.Sources;

namespace LogLinq.Tests.Core;

public sealed class LineReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private sealed record Line(long Number, byte[] Bytes, bool Truncated)
    {
        public string Text => Encoding.UTF8.GetString(Bytes);
    }

    /// <summary>Reads every line of a real file, copying each one (the reader's view is reused).</summary>
    private static List<Line> ReadAll(string path, int maxBytesPerRead = int.MaxValue, int bufferSize = LineReader.DefaultBufferSize)
    {
        var lines = new List<Line>();
        using var reader = new LineReader(ShortReadStream.OpenFile(path, maxBytesPerRead), bufferSize);
        while (reader.MoveNext())
        {
            lines.Add(new Line(reader.LineNumber, reader.Current.ToArray(), reader.IsTruncated));
        }

        reader.MoveNext().Should().BeFalse("the end of a stream stays the end");
        return lines;
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
        lines.Should().OnlyContain(l => !l.Truncated);
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
            lines.Should().OnlyContain(l => !l.Truncated);
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
    public void Binary_noise_without_newlines_is_cut_at_the_maximum_line_length_in_bounded_memory()
    {
        const int tail = 12345;
        const int pieces = 6;
        byte[] noise = new byte[(pieces * LineReader.MaxLineLength) + tail];
        new Random(42).NextBytes(noise);
        for (int i = 0; i < noise.Length; i++)
        {
            if (noise[i] is (byte)'\n' or (byte)'\r')
            {
                noise[i] = (byte)'#';
            }
        }

        string path = _temp.Write("noise.bin", noise);

        var lengths = new List<int>();
        var truncated = new List<bool>();
        bool allEqual = true;
        long offset = 0;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        using (var reader = new LineReader(ShortReadStream.OpenFile(path)))
        {
            while (reader.MoveNext())
            {
                ReadOnlySpan<byte> piece = reader.Current;
                allEqual &= piece.SequenceEqual(noise.AsSpan((int)offset, piece.Length));
                offset += piece.Length;
                lengths.Add(piece.Length);
                truncated.Add(reader.IsTruncated);
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        lengths.Should().Equal([.. Enumerable.Repeat(LineReader.MaxLineLength, pieces), tail]);
        truncated.Should().Equal([.. Enumerable.Repeat(true, pieces), false]);
        allEqual.Should().BeTrue("the pieces are the file's bytes, in order, nothing lost or added");
        offset.Should().Be(noise.Length);
        allocated.Should().BeLessThan(5L * LineReader.MaxLineLength, "the buffer grows to about two maximum lines, not to the whole file");
    }

    [Fact]
    public void A_line_just_over_the_maximum_is_cut_once_and_the_rest_follows()
    {
        byte[] line = Letters(LineReader.MaxLineLength + 10, seed: 5);
        string path = _temp.Write("over.log", [.. line, (byte)'\n', .. "next\n"u8]);

        List<Line> lines = ReadAll(path);

        lines.Select(l => l.Bytes.Length).Should().Equal(LineReader.MaxLineLength, 10, 4);
        lines.Select(l => l.Truncated).Should().Equal(true, false, false);
        lines[0].Bytes.AsSpan().SequenceEqual(line.AsSpan(0, LineReader.MaxLineLength)).Should().BeTrue();
        lines[1].Bytes.AsSpan().SequenceEqual(line.AsSpan(LineReader.MaxLineLength)).Should().BeTrue();
        lines[2].Text.Should().Be("next");
    }

    [Fact]
    public void A_line_of_exactly_the_maximum_length_is_not_truncated()
    {
        byte[] line = Letters(LineReader.MaxLineLength, seed: 6);
        string path = _temp.Write("exact.log", [.. line, (byte)'\n', .. "next"u8]);

        List<Line> lines = ReadAll(path);

        lines.Select(l => l.Bytes.Length).Should().Equal(LineReader.MaxLineLength, 4);
        lines[0].Bytes.AsSpan().SequenceEqual(line).Should().BeTrue();
    }

    [Fact]
    public void A_line_of_exactly_the_maximum_length_ending_in_crlf_is_not_truncated()
    {
        byte[] line = Letters(LineReader.MaxLineLength, seed: 7);
        string path = _temp.Write("exact-crlf.log", [.. line, (byte)'\r', (byte)'\n', .. "next\r\n"u8]);

        List<Line> lines = ReadAll(path, maxBytesPerRead: 1 << 20);

        lines.Select(l => l.Bytes.Length).Should().Equal(LineReader.MaxLineLength, 4);
        lines.Select(l => l.Truncated).Should().Equal(false, false);
        lines[0].Bytes.AsSpan().SequenceEqual(line).Should().BeTrue();
        lines.Select(l => l.Number).Should().Equal(1, 2);
    }

    [Fact]
    public void A_last_line_over_the_maximum_without_a_newline_is_cut_too()
    {
        byte[] line = Letters(LineReader.MaxLineLength + 3, seed: 8);
        string path = _temp.Write("over-eof.log", line);

        List<Line> lines = ReadAll(path);

        lines.Select(l => l.Bytes.Length).Should().Equal(LineReader.MaxLineLength, 3);
        lines.Select(l => l.Truncated).Should().Equal(true, false);
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
        var random = new Random(seed);
        byte[] bytes = new byte[length];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)('a' + random.Next(26));
        }

        return bytes;
    }
}

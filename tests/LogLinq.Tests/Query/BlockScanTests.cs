using System.Text;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Query;

/// <summary>
/// Aggregates scan NCSA lines a block at a time (newlines, spaces and quotes marked for a whole buffer
/// first). The awkward lines must come out as a line at a time would: CRLF endings, blank lines, lines
/// shorter than a vector, lines longer than a block, a copy-truncate's zeros, malformed lines, a last
/// line without a newline, and the cuts between the ranges of a split scan. The expected answers are
/// kept while the file is written, not computed by LogLinq.
/// </summary>
public sealed class BlockScanTests
{
    [Theory]
    [InlineData(1, 8L * 1024 * 1024)] // one worker, the file whole
    [InlineData(2, 64 * 1024)]        // two workers, ranges of 64 KB
    [InlineData(2, 20_000)]           // ranges smaller than a block
    public void Awkward_lines_count_as_they_would_one_at_a_time(int workers, long minPartSize)
    {
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        Expected expected = Write(log, new Random(20261125));
        var report = new ParseReport();
        var options = new LogSourceOptions { MaxDegreeOfParallelism = workers, MinPartSize = minPartSize, Report = report };

        LogSource.Open(log, options).LongCount().Should().Be(expected.Records);
        report.Malformed.Should().Be(expected.MalformedLines.Count);
        report.Samples.Select(s => s.LineNumber).Should().Equal(expected.MalformedLines.Take(report.Samples.Count));

        LogSource.Open(log, options).Sum(r => r.Bytes).Should().Be(expected.Bytes);
        LogSource.Open(log, options).Max(r => r.Bytes).Should().Be(expected.MaxBytes);
        LogSource.Open(log, options).MaxBy(r => r.Bytes)!.LineNumber.Should().Be(expected.MaxBytesLine);
        LogSource.Open(log, options).Select(r => r.Host).Distinct().Count().Should().Be(expected.Hosts.Count);
        LogSource.Open(log, options).Count(r => r.Path == "/short").Should().Be(expected.ShortLines);
        LogSource.Open(log, options).Count(r => r.UserAgent != null && r.UserAgent.Length > 100_000).Should().Be(expected.LongLines);
    }

    [Fact]
    public void A_summary_of_counts_and_sums_is_taken_from_each_blocks_totals_as_row_by_row()
    {
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        Expected expected = Write(log, new Random(20261126));
        var options = new LogSourceOptions { MaxDegreeOfParallelism = 2, MinPartSize = 64 * 1024 };

        // One group computing several aggregates (the query language's summarize without by).
        var summary = LogSource.Open(log, options)
            .GroupBy(r => true)
            .Select(g => new { Count = g.LongCount(), Bytes = g.Sum(r => r.Bytes), Average = g.Average(r => r.Bytes), Status = g.Sum(r => r.Status) })
            .Single();

        summary.Count.Should().Be(expected.Records);
        summary.Bytes.Should().Be(expected.Bytes);
        summary.Average.Should().BeApproximately((double)expected.Bytes / expected.Records, 1e-6);
        summary.Status.Should().Be(checked((int)(200 * expected.Records))); // every line Write makes is a 200
    }

    [Fact]
    public void A_sum_of_bytes_that_overflows_throws_as_enumerable_does_and_other_totals_do_not()
    {
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        // Blocks are summed only once the file's format is known: the big number comes well after the first line.
        string line = "10.0.0.1 - - [10/Oct/2023:13:55:36 +0000] \"GET /a HTTP/1.1\" 200 ";
        File.WriteAllLines(log, [.. Enumerable.Repeat(line + "1", 1000), line + "9223372036854775807", line + "1"]);

        FluentActions.Invoking(() => LogSource.Open(log).Sum(r => r.Bytes)).Should().Throw<OverflowException>();
        FluentActions.Invoking(() => LogSource.Open(log).GroupBy(r => 1).Select(g => g.Sum(r => r.Bytes)).ToList()).Should().Throw<OverflowException>();
        LogSource.Open(log).Sum(r => r.Status).Should().Be(200 * 1002);
        LogSource.Open(log).GroupBy(r => 1).Select(g => new { N = g.Count(), S = g.Sum(r => r.Status) }).Single().Should().Be(new { N = 1002, S = 200 * 1002 });
    }

    [Fact]
    public void A_summary_of_a_log_without_records_has_no_group_as_enumerable_gives()
    {
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        File.WriteAllText(log, "10.0.0.1 - - [10/Oct/2023:13:55:99 +0000] \"GET /a HTTP/1.1\" 200 12\n\n");

        LogSource.Open(log).GroupBy(r => true).Select(g => g.Sum(r => r.Bytes)).ToList().Should().BeEmpty();
        LogSource.Open(log).Sum(r => r.Bytes).Should().Be(0);
    }

    [Theory]
    [InlineData("\uFEFF{0}5\r\n{0}7\r\ngarbage\r\n{0}11\r\n", 3, 23, 3)] // a byte order mark, CRLF
    [InlineData("\n  \n{0}5\n\tgarbage\n{0}7", 2, 12, 4)]                  // blank lines first, no last newline
    [InlineData("\n\n", 0, 0, 0)]                                             // nothing but blank lines
    public void A_logs_first_lines_are_read_as_the_rest(string text, long records, long bytes, long malformedLine)
    {
        // The format is found from the first line that is not blank, and the block scan starts there.
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        File.WriteAllText(log, string.Format(text, "10.0.0.1 - - [10/Oct/2023:13:55:36 +0000] \"GET /a HTTP/1.1\" 200 "), new UTF8Encoding(false));
        var report = new ParseReport();

        LogSource.Open(log, new LogSourceOptions { Report = report }).Sum(r => r.Bytes).Should().Be(bytes);
        LogSource.Open(log).LongCount().Should().Be(records);
        report.Samples.Select(s => s.LineNumber).Should().Equal(malformedLine == 0 ? [] : [malformedLine]);
    }

    private sealed class Expected
    {
        public long Records;
        public long Bytes;
        public long MaxBytes = -1;
        public long MaxBytesLine;
        public int ShortLines;
        public int LongLines;
        public readonly HashSet<string> Hosts = [];
        public readonly List<long> MalformedLines = [];
    }

    private static Expected Write(string path, Random random)
    {
        var expected = new Expected();
        using var file = new FileStream(path, FileMode.Create);
        long number = 0;
        void Line(string text, string ending = "\n") => file.Write(Encoding.UTF8.GetBytes(text + ending));

        for (int i = 0; i < 12_000; i++)
        {
            number++;
            string host = $"10.0.{i % 50}.{random.Next(256)}";
            long bytes = random.Next(6) switch { 0 => 0, 1 => random.Next(10), 2 => random.Next(100_000_000), _ => random.NextInt64(1, 1L << 40) };
            string request = "\"GET /a/" + new string('x', random.Next(0, 120)) + " HTTP/1.1\"";
            string line = $"{host} - - [10/Oct/2023:13:55:{i % 60:00} +0000] {request} 200 {bytes}";
            switch (random.Next(40))
            {
                case 0:
                    Line(line, "\r\n");
                    break;
                case 1:
                    Line("");
                    number++;
                    Line(line);
                    break;
                case 2:
                    expected.MalformedLines.Add(number);
                    Line($"{host} - - [10/Oct/2023:13:55:99 +0000] {request} 200 {bytes}");
                    continue;
                case 3:
                    // Shorter than a vector: "1.2.3.4 - - [...] "GET /short HTTP/1.0" 200 7".
                    host = $"9.9.9.{random.Next(10)}";
                    line = $"{host} - - [10/Oct/2023:13:55:00 +0000] \"GET /short HTTP/1.0\" 200 {bytes}";
                    expected.ShortLines++;
                    Line(line);
                    break;
                case 4 when expected.LongLines < 3:
                    // Longer than a block: the reader hands it over by itself.
                    line += " \"-\" \"" + new string('a', 150_000) + "\"";
                    expected.LongLines++;
                    Line(line);
                    break;
                case 5:
                    file.Write(new byte[random.Next(1, 200)]);
                    Line(line);
                    break;
                default:
                    Line(line);
                    break;
            }

            expected.Records++;
            expected.Bytes += bytes;
            expected.Hosts.Add(host);
            if (bytes > expected.MaxBytes)
            {
                (expected.MaxBytes, expected.MaxBytesLine) = (bytes, number);
            }
        }

        // The last line without a newline.
        number++;
        Line("8.8.8.8 - - [10/Oct/2023:13:56:00 +0000] \"GET /end HTTP/1.1\" 200 1", "");
        expected.Records++;
        expected.Bytes += 1;
        expected.Hosts.Add("8.8.8.8");
        return expected;
    }
}

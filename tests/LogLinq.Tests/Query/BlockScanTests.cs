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

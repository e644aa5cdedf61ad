using System.Text;
using LogLinq.Formats;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// A CSV log is found by its header (a time column and a status column named), read whole however
/// big (its rows mean what the header says, so it cannot be cut where a worker would start without
/// it), and a line that only looks like a header does not make its file CSV.
/// </summary>
public sealed class CsvDetectionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("time,host,method,path,status,bytes", "csv")]
    [InlineData("\uFEFFtime,host,method,path,status,bytes", "csv")]
    [InlineData("\"time_micros\",\"c_ip\",\"c_ip_type\",\"c_ip_region\",\"cs_method\",\"cs_uri\",\"sc_status\",\"cs_bytes\",\"sc_bytes\"", "csv")]
    [InlineData("ClientIP,ClientRequestURI,EdgeResponseStatus,EdgeStartTimestamp", "csv")]
    [InlineData("timestamp\tremote_addr\trequest\tstatus", "csv")]
    [InlineData("time,host,path", "common")] // no status column
    [InlineData("status", "common")] // no delimiter
    [InlineData("time status bytes", "common")]
    [InlineData("hello, world", "common")]
    [InlineData("time=2024-01-02T03:04:05Z,status=200 method=GET path=/", "common")]
    [InlineData("time=2024-01-02T03:04:05Z status=200 method=GET path=/", "logfmt")]
    public void Detects_a_header_row(string line, string format)
    {
        AutoLogFormat.Detect(Encoding.UTF8.GetBytes(line)).Name.Should().Be(format);
    }

    [Fact]
    public void A_header_like_first_line_before_ncsa_lines_leaves_the_file_ncsa()
    {
        // The rows under it say what the file is: these have other numbers of values, and are NCSA's.
        string path = _dir.WriteLines(
            "access.log",
            "time,status",
            "192.0.2.1 - - [02/Jan/2024:03:04:05 +0000] \"GET /a HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0 (X11, Linux)\"",
            "192.0.2.2 - - [02/Jan/2024:03:04:06 +0000] \"GET /b HTTP/1.1\" 404 20 \"-\" \"curl/8.5.0\"");

        List<LogRecord> records = [.. LogSource.Open(path)];

        records.Select(r => (r.Path, r.Status, r.Bytes)).Should().Equal(("/a", 200, 10L), ("/b", 404, 20L));
        FormatDetector.Detect(File.ReadAllBytes(path), wholeFile: true, out _).Should().BeSameAs(LogFormat.Common);
    }

    [Fact]
    public void A_big_file_is_read_whole_by_a_parallel_scan()
    {
        // Well over twice the part size, so that a file whose lines stood alone would be cut. The
        // answer is summed as the rows are written.
        const int Rows = 200_000;
        string path = _dir.File("big.csv");
        long bytes = 0;
        int notFound = 0;
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            writer.Write("\"time_micros\",\"c_ip\",\"cs_method\",\"cs_uri\",\"sc_status\",\"sc_bytes\",\"time_taken_micros\"\n");
            for (int i = 0; i < Rows; i++)
            {
                int status = i % 7 == 3 ? 404 : 200;
                long size = (i * 37L % 10_007) + 1;
                bytes += size;
                notFound += status == 404 ? 1 : 0;
                writer.Write($"\"{1_704_164_645_000_000L + (i * 1000L)}\",\"192.0.2.{i % 250}\",\"GET\",\"/o/{i}\",\"{status}\",\"{size}\",\"{i % 900}\"\n");
            }
        }

        new FileInfo(path).Length.Should().BeGreaterThan(8 * 64 * 1024);
        foreach (LogFormat format in new[] { LogFormat.Auto, LogFormat.Csv })
        {
            var report = new ParseReport();
            var options = new LogSourceOptions { Format = format, MaxDegreeOfParallelism = 2, MinPartSize = 64 * 1024, Report = report };

            LogSource.Open(path, options).Count().Should().Be(Rows, format.Name);
            LogSource.Open(path, options).Sum(r => r.Bytes).Should().Be(bytes, format.Name);
            LogSource.Open(path, options).Count(r => r.Status == 404).Should().Be(notFound, format.Name);
            report.Malformed.Should().Be(0, format.Name);
        }
    }
}

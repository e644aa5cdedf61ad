using System.Text;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Tests.Sources;

/// <summary>
/// A hole of zeros that starts in the middle of a line: the server's write of a line was cut short
/// (a crash, or a copy-truncate rotation while it wrote), and its next lines were written past the
/// hole. The text before the hole is one malformed line; the line written after it is read, under
/// the number of the file's line it is in (the hole holds no newline), as <c>sed -n 4p</c> shows it.
/// </summary>
public sealed class MidLineHoleTests : IDisposable
{
    private const string Cut = "1.2.3.4 - - [10/Oct/2023:13:55:36 +0000] \"GET /cu";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Line(int i, string path) => $"1.2.3.{i} - - [10/Oct/2023:13:55:36 +0000] \"GET {path} HTTP/1.1\" 200 {i}\n";

    /// <summary>Lines 1-3, then line 4: <see cref="Cut"/>, a hole of <paramref name="hole"/> zeros, and line 5's text; then line 6.</summary>
    private string WriteLog(long hole)
    {
        string log = _dir.File("access-log");
        byte[] before = Encoding.ASCII.GetBytes(Line(1, "/a") + Line(2, "/a") + Line(3, "/a") + Cut);
        byte[] after = Encoding.ASCII.GetBytes(Line(5, "/b") + Line(6, "/b"));
        using var file = new FileStream(log, FileMode.Create);
        file.Write(before);
        file.SetLength(before.Length + hole);
        file.Seek(0, SeekOrigin.End);
        file.Write(after);
        return log;
    }

    [Theory]
    [InlineData(40L << 20)] // more than a line may hold (16 MB)
    [InlineData(3L << 20)] // more than a scan's read (1 MB)
    [InlineData(4096L)] // a crash's page of zeros: held whole by one read, so the parser meets it inside a line
    [InlineData(1L)]
    public void The_line_after_the_hole_is_read_and_the_cut_text_is_one_malformed_line(long hole)
    {
        string log = WriteLog(hole);
        var report = new ParseReport();
        var options = new LogSourceOptions { Report = report };

        LogSource.Open(log, options).Select(r => r.Host + ":" + r.LineNumber).ToList().Should().Equal(
            "1.2.3.1:1", "1.2.3.2:2", "1.2.3.3:3", "1.2.3.5:4", "1.2.3.6:5");

        report.Malformed.Should().Be(1);
        report.Samples.Single().Should().Be(new MalformedLine(log, 4, LineReader.CutReason));
    }

    [Theory]
    [InlineData(40L << 20)]
    [InlineData(4096L)]
    public void Every_scan_reads_the_same(long hole)
    {
        string log = WriteLog(hole);
        var split = new LogSourceOptions { MaxDegreeOfParallelism = 2, MinPartSize = 4L << 20 };

        LogSource.Open(log).Sum(r => r.Bytes).Should().Be(1 + 2 + 3 + 5 + 6);
        LogSource.Open(log, split).Sum(r => r.Bytes).Should().Be(17);
        LogSource.Open(log, split).Count(r => r.Path == "/b").Should().Be(2);
        LogSource.Open(log).Where(r => r.Path == "/b").Select(r => r.Host).ToList().Should().Equal("1.2.3.5", "1.2.3.6");

        var report = new ParseReport();
        LogPipeline.Find(log).Open().Cat().Parse(report: report).Select(r => r.Host + ":" + r.LineNumber).Should().Equal(
            "1.2.3.1:1", "1.2.3.2:2", "1.2.3.3:3", "1.2.3.5:4", "1.2.3.6:5");
        report.Samples.Single().Should().Be(new MalformedLine(log, 4, LineReader.CutReason));

        var splitReport = new ParseReport();
        LogSource.Open(log, split with { Report = splitReport }).Count().Should().Be(5);
        splitReport.Samples.Should().Equal(new MalformedLine(log, 4, LineReader.CutReason));
    }

    [Fact]
    public void A_hole_inside_a_line_of_a_format_with_a_parser_of_its_own_is_taken_apart_too()
    {
        string log = _dir.File("access.json");
        byte[] before = Encoding.ASCII.GetBytes("{\"time\":\"2023-10-10T13:55:36Z\",\"remote_addr\":\"1.2.3.1\",\"status\":200,\"bytes\":1}\n{\"time\":\"2023-10-10T13:55:37Z\",\"remote_addr\":\"1.2.3.2\",\"sta");
        byte[] after = Encoding.ASCII.GetBytes("{\"time\":\"2023-10-10T13:55:38Z\",\"remote_addr\":\"1.2.3.3\",\"status\":404,\"bytes\":3}\n");
        File.WriteAllBytes(log, [.. before, .. new byte[4096], .. after]);
        var report = new ParseReport();

        LogSource.Open(log, new LogSourceOptions { Report = report }).Select(r => r.Host + ":" + r.Status + ":" + r.LineNumber).ToList()
            .Should().Equal("1.2.3.1:200:1", "1.2.3.3:404:2");
        report.Samples.Should().Equal(new MalformedLine(log, 2, LineReader.CutReason));
    }
}

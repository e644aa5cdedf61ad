using System.IO.Compression;
using System.Text;

namespace LogLinq.Tests.Cli;

/// <summary>
/// The command over a log with a line of 33 MB: that line is one malformed line, reported with its
/// number, and the lines after it keep theirs, whether the file is read whole, cut into ranges for
/// an aggregate, or gzip-compressed; <c>--strict</c> stops at it.
/// </summary>
public sealed class OverlongLineCommandTests : IDisposable
{
    private const string Header = "192.0.2.1 - - [10/Oct/2023:13:55:00 +0000] \"GET /";

    private readonly TempDirectory _temp = new();

    private readonly string _log;

    public OverlongLineCommandTests()
    {
        // Line 1 a record, line 2 of 33 MB, line 3 a record, line 4 not a log line.
        using var content = new MemoryStream();
        content.Write(Encoding.ASCII.GetBytes(Header + "a HTTP/1.1\" 200 1 \"-\" \"UA\"\n"));
        content.Write(Encoding.ASCII.GetBytes(Header));
        byte[] path = new byte[33 << 20];
        path.AsSpan().Fill((byte)'h');
        content.Write(path);
        content.Write(Encoding.ASCII.GetBytes(" HTTP/1.1\" 200 5 \"-\" \"UA\"\n" + Header + "b HTTP/1.1\" 200 1 \"-\" \"UA\"\nbad line here\n"));
        byte[] bytes = content.ToArray();
        bytes.Count((byte)'\n').Should().Be(4);
        _log = _temp.Write("huge2.log", bytes);
        using var gzip = new GZipStream(File.Create(_log + ".gz"), CompressionLevel.Fastest);
        gzip.Write(bytes);
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("huge2.log")]
    [InlineData("huge2.log.gz")]
    public async Task The_line_after_an_over_long_one_keeps_its_number(string name)
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", $"from \"{name}\" | select line, path"], _temp.Path);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.ReplaceLineEndings("\n").Should().Be("line,path\n1,/a\n3,/b\n");
        ShouldReportLines2And4(run, name);
    }

    [Fact]
    public async Task A_count_over_ranges_cut_inside_the_over_long_line_counts_it_once()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", "from \"huge2.log\" | count"], _temp.Path);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.ReplaceLineEndings("\n").Should().Be("count\n2\n");
        ShouldReportLines2And4(run, "huge2.log");
    }

    [Fact]
    public async Task Strict_mode_stops_at_the_over_long_line()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", "--strict", "from \"huge2.log\" | select line, path"], _temp.Path);

        run.ExitCode.Should().Be(1, run.ToString());
        run.StderrLines.Should().Equal("loglinq: huge2.log:2: line longer than 16 MB (skipped)");
        run.Stderr.Should().NotContain(" at ", "bad data is no bug: no stack trace");
    }

    private static void ShouldReportLines2And4(LoglinqProcess.Result run, string name)
    {
        run.StderrLines.Should().Equal(
            "loglinq: skipped 2 malformed lines (--strict stops at the first):",
            $"{name}:2: line longer than 16 MB (skipped)",
            $"{name}:4: expected host, ident and user before the time");
    }
}

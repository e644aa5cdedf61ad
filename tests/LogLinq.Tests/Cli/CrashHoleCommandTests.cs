using System.IO.Compression;
using System.Text;

namespace LogLinq.Tests.Cli;

/// <summary>
/// The command over a log a crash left a page of zeros in: the server had written part of line 4
/// when it died, the file's size already covered the page, and after the restart it appended line
/// 5's text past the hole, with no newline between. The cut text is one malformed line, named with
/// its number; the text after the zeros is read as the line it is, whether the file is read whole,
/// cut into ranges, or gzip-compressed (a read holds the whole hole, so it is met inside one line).
/// </summary>
public sealed class CrashHoleCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public CrashHoleCommandTests()
    {
        static string Line(int i, string path) => $"192.0.2.{i} - - [10/Oct/2023:13:55:0{i} +0000] \"GET {path} HTTP/1.1\" 200 {i}\n";

        using var content = new MemoryStream();
        content.Write(Encoding.ASCII.GetBytes(Line(1, "/a") + Line(2, "/a") + Line(3, "/a") + "192.0.2.4 - - [10/Oct/2023:13:5"));
        content.Write(new byte[4096]);
        content.Write(Encoding.ASCII.GetBytes(Line(5, "/b") + Line(6, "/b")));
        byte[] bytes = content.ToArray();
        _temp.Write("crashed.log", bytes);
        using var gzip = new GZipStream(File.Create(Path.Combine(_temp.Path, "crashed.log.gz")), CompressionLevel.Fastest);
        gzip.Write(bytes);
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("crashed.log")]
    [InlineData("crashed.log.gz")]
    public async Task The_cut_text_is_one_malformed_line_and_the_line_after_the_hole_is_read(string name)
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", $"from \"{name}\" | select line, host, bytes"], _temp.Path);

        // sed -n 4p shows the cut text, the zeros and line 5's text as the file's fourth line.
        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.ReplaceLineEndings("\n").Should().Be("line,host,bytes\n1,192.0.2.1,1\n2,192.0.2.2,2\n3,192.0.2.3,3\n4,192.0.2.5,5\n5,192.0.2.6,6\n");
        run.StderrLines.Should().Equal(
            "loglinq: skipped 1 malformed line (--strict stops at the first):",
            $"{name}:4: line cut short by a run of NUL bytes (a crash or a copy-truncate left a hole; the text after it is read)");
    }

    [Fact]
    public async Task A_sum_counts_the_line_after_the_hole_once()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", "from \"crashed.log\" | summarize sum(bytes), count()"], _temp.Path);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.ReplaceLineEndings("\n").Should().Be("sum_bytes,count\n17,5\n");
    }
}

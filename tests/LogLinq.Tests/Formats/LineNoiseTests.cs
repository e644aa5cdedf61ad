using System.Text;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// Bytes in front of a line that are not its text: a UTF-8 byte order mark at the start of a file (as
/// Windows editors write one), and the NUL bytes a copy-truncate rotation leaves.
/// </summary>
public sealed class LineNoiseTests
{
    [Fact]
    public void The_first_host_of_a_common_log_has_no_byte_order_mark()
    {
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        File.WriteAllBytes(log, [.. "\uFEFF"u8, .. "1.2.3.4 - - [10/Oct/2023:13:55:36 +0000] \"GET / HTTP/1.1\" 200 5\n1.2.3.5 - - [10/Oct/2023:13:55:37 +0000] \"GET /b HTTP/1.1\" 200 6\n"u8]);

        LogPipeline.Find(log).Open().Cat().Parse().Select(r => r.Host).Should().Equal("1.2.3.4", "1.2.3.5");
        LogSource.Open(log).Select(r => r.Host).ToList().Should().Equal("1.2.3.4", "1.2.3.5");
        LogSource.Open(log).Count(r => r.Host == "1.2.3.4").Should().Be(1);
    }

    [Fact]
    public void A_byte_order_mark_inside_a_file_made_by_joining_two_is_not_part_of_the_next_host()
    {
        // "cat a.log b.log > all.log" of two files a Windows tool wrote: b's mark is now mid-file.
        using var temp = new TempDirectory();
        string line1 = "1.2.3.4 - - [10/Oct/2023:13:55:36 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"ua\"\n";
        string line2 = "1.2.3.5 - - [10/Oct/2023:13:55:37 +0000] \"GET /b HTTP/1.1\" 200 6 \"-\" \"ua\"\n";
        string log = temp.Write("access-log", [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(line1 + line2), .. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(line2 + line1)]);
        var report = new ParseReport();

        LogPipeline.Find(log).Open().Cat().Parse(report: report).Select(r => r.Host).Should().Equal("1.2.3.4", "1.2.3.5", "1.2.3.5", "1.2.3.4");
        LogSource.Open(log).Select(r => r.Host).ToList().Should().Equal("1.2.3.4", "1.2.3.5", "1.2.3.5", "1.2.3.4");
        LogSource.Open(log).Count(r => r.Host == "1.2.3.5").Should().Be(2);
        LogSource.Open(log).Select(r => r.Host).Distinct().ToList().Should().Equal("1.2.3.4", "1.2.3.5");
        report.Malformed.Should().Be(0);
    }

    [Fact]
    public void A_byte_order_mark_inside_a_json_lines_file_does_not_make_its_line_malformed()
    {
        using var temp = new TempDirectory();
        string line = "{\"remote_addr\":\"1.2.3.4\",\"time_iso8601\":\"2023-10-10T13:55:36+00:00\",\"request\":\"GET / HTTP/1.1\",\"status\":200,\"body_bytes_sent\":5}\n";
        string log = temp.Write("access.json", [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(line), .. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(line)]);
        var report = new ParseReport();

        LogSource.Open(log, new LogSourceOptions { Report = report }).Sum(r => r.Bytes).Should().Be(10);
        report.Malformed.Should().Be(0);
    }

    [Fact]
    public void The_zeros_a_copy_truncate_leaves_before_a_line_are_not_part_of_its_host()
    {
        // After copytruncate the server writes on at its old offset: the file starts with a hole of zeros.
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        File.WriteAllBytes(log, [.. new byte[5000], .. "1.2.3.4 - - [10/Oct/2023:13:55:36 +0000] \"GET / HTTP/1.1\" 200 5\n"u8,
            .. new byte[10], .. "1.2.3.5 - - [10/Oct/2023:13:55:37 +0000] \"GET /b HTTP/1.1\" 200 6\n"u8]);
        var report = new ParseReport();

        LogPipeline.Find(log).Open().Cat().Parse(report: report).Select(r => r.Host).Should().Equal("1.2.3.4", "1.2.3.5");
        LogSource.Open(log).Select(r => r.Host).ToList().Should().Equal("1.2.3.4", "1.2.3.5");
        LogSource.Open(log).Sum(r => r.Bytes).Should().Be(11);
        report.Malformed.Should().Be(0);
    }

    [Fact]
    public void The_first_line_after_a_copy_truncate_hole_longer_than_a_line_may_be_is_read()
    {
        // The server wrote on at its old offset, gigabytes in: the file is a hole of zeros (no newline)
        // before the first request after the rotation. 40 MB of it here, more than a line's 16 MB.
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        byte[] before = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(1, 3).Select(i => $"1.2.3.{i} - - [10/Oct/2023:13:55:36 +0000] \"GET /a HTTP/1.1\" 200 {i}\n")));
        byte[] after = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(4, 2).Select(i => $"1.2.3.{i} - - [10/Oct/2023:13:55:36 +0000] \"GET /b HTTP/1.1\" 200 {i}\n")));
        using (var file = new FileStream(log, FileMode.Create))
        {
            file.Write(before);
            file.SetLength(before.Length + (40L << 20));
            file.Seek(0, SeekOrigin.End);
            file.Write(after);
        }

        var report = new ParseReport();
        var options = new LogSourceOptions { Report = report };
        var split = options with { MaxDegreeOfParallelism = 2, MinPartSize = 4L << 20 };

        LogSource.Open(log, options).Select(r => r.Host + ":" + r.LineNumber).ToList().Should().Equal(
            "1.2.3.1:1", "1.2.3.2:2", "1.2.3.3:3", "1.2.3.4:4", "1.2.3.5:5");
        LogSource.Open(log, options).Sum(r => r.Bytes).Should().Be(15);
        LogSource.Open(log, split).Sum(r => r.Bytes).Should().Be(15);
        LogSource.Open(log, split).Count(r => r.Path == "/b").Should().Be(2);
        LogSource.Open(log, options).Where(r => r.Path == "/b").Select(r => r.Host).ToList().Should().Equal("1.2.3.4", "1.2.3.5");
        LogPipeline.Find(log).Open().Cat().Parse(report: report).Select(r => r.Host).Should().HaveCount(5);
        report.Malformed.Should().Be(0);
    }

    [Fact]
    public void A_split_scan_strips_it_from_the_file_start_only()
    {
        // Big enough to be cut into ranges; each line's host is its number, so the answer is known.
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        var text = new StringBuilder("\uFEFF");
        for (int i = 1; i <= 20_000; i++)
        {
            text.Append(i).Append(" - - [10/Oct/2023:13:55:36 +0000] \"GET /x HTTP/1.1\" 200 ").Append(i).Append('\n');
        }

        File.WriteAllText(log, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var split = new LogSourceOptions { MaxDegreeOfParallelism = 2, MinPartSize = 64 * 1024 };

        LogSource.Open(log, split).Count(r => r.Host == "1").Should().Be(1);
        LogSource.Open(log, split).Select(r => r.Host).Distinct().Count().Should().Be(20_000);
        LogSource.Open(log, split).Sum(r => r.Bytes).Should().Be(20_000L * 20_001 / 2);
    }
}

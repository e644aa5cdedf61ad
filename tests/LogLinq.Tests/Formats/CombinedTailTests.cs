using LogLinq.Language;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// nginx's timings after a Combined line's user agent are the record's duration: the admin guide's
/// <c>upstream_time</c> format (<c>rt=$request_time uct="..." uht="..." urt="..."</c>) and the
/// <c>timed_combined</c> of many configurations (<c>$request_time $upstream_response_time $pipe</c>);
/// and Traefik's Common Log Format, which ends with the duration and its unit (<c>12ms</c>).
/// Expected durations are read off the lines.
/// </summary>
public sealed class CombinedTailTests : IDisposable
{
    private const string Head = "192.0.2.7 - - [27/Nov/2026:07:00:01 +0000] \"GET /a HTTP/1.1\" 200 612 \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(" rt=0.012 uct=\"0.001\" uht=\"0.010\" urt=\"0.011\"", 12)]
    [InlineData(" rt=2.512 uct=\"0.001, 0.002\" uht=\"2.500, 0.004\" urt=\"2.505, 0.006\"", 2512)]
    [InlineData(" uct=\"-\" rt=0.000", 0)]
    [InlineData(" request_time=1.25", 1250)]
    [InlineData(" 0.012 0.011 .", 12)]
    [InlineData(" 3.100 - p", 3100)]
    [InlineData(" 1 \"whoami@docker\" \"http://172.18.0.2:80\" 12ms", 12)]
    [InlineData(" 4821 \"api-router@file\" \"http://10.0.0.7:8080\" 1503ms", 1503)]
    [InlineData(" 87 0.003 [default-web-80] [] 10.244.0.12:8080 612 0.002 200 0f4b1a6a9e3c2d8b7a6f5e4d3c2b1a09", 3)]
    [InlineData(" 1432 60.001 [default-orders-8080] [] 10.244.0.13:8080, 10.244.0.14:8080 0, 0 30.000, 30.001 504, 504 9a8b", 60001)]
    public void A_timing_nginx_wrote_after_the_user_agent_is_the_duration(string tail, int milliseconds)
    {
        LogRecord record = Single(Head + tail);

        record.Duration.Should().Be(TimeSpan.FromMilliseconds(milliseconds));
        record.UserAgent.Should().Be("Mozilla/5.0 (X11; Linux x86_64)");
    }

    [Fact]
    public void The_admin_guide_s_format_with_no_space_before_rt_ends_the_user_agent_at_its_quote()
    {
        // nginx's docs join '"$http_user_agent"' and 'rt=$request_time ...' with no space between.
        LogRecord record = Single(Head + "rt=0.250 uct=\"0.001\" uht=\"0.249\" urt=\"0.249\"");

        record.UserAgent.Should().Be("Mozilla/5.0 (X11; Linux x86_64)");
        record.Duration.Should().Be(TimeSpan.FromMilliseconds(250));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \"203.0.113.9, 10.0.0.1\"")]
    [InlineData(" 1234")]
    [InlineData(" 56789 example.com")]
    [InlineData(" rt=-")]
    [InlineData(" upstream=0.5")]
    [InlineData(" 1 \"whoami@docker\" \"-\"")]
    [InlineData(" \"x 5s\"")]
    [InlineData(" 87 3 [default-web-80] []")]
    [InlineData(" 87 0.003 10.244.0.12:8080")]
    public void A_line_without_such_a_timing_has_no_duration(string tail)
    {
        // Apache's %D (microseconds) and %T (seconds) are both bare whole numbers: not guessed.
        Single(Head + tail).Duration.Should().BeNull();
    }

    [Fact]
    public void A_common_line_has_no_duration_even_with_a_number_at_its_end()
    {
        Single("192.0.2.7 - - [27/Nov/2026:07:00:01 +0000] \"GET /a HTTP/1.1\" 200 612").Duration.Should().BeNull();
    }

    [Fact]
    public void The_scan_reads_the_same_durations_for_a_pushed_down_comparison_and_an_aggregate()
    {
        string path = _dir.WriteLines(
            "access.log",
            Head.Replace("/a ", "/b ", StringComparison.Ordinal),
            Head + " rt=0.012 uct=\"0.001\" uht=\"0.010\" urt=\"0.011\"",
            Head.Replace("/a ", "/slow ", StringComparison.Ordinal) + " rt=2.512 uct=\"0.001\" uht=\"2.500\" urt=\"2.511\"");

        CompiledQuery slow = QueryCompiler.Compile($"from \"{path}\" | where duration > 1s | count");
        slow.Explain().Should().Contain("pushdown:   duration > 1s");
        slow.Execute().Scalar.Should().Be(1L);
        QueryCompiler.Compile($"from \"{path}\" | where duration == null | count").Execute().Scalar.Should().Be(1L);
        QueryCompiler.Compile($"from \"{path}\" | summarize max(duration)").Execute().Rows.Should().ContainSingle()
            .Which.Should().Equal(TimeSpan.FromMilliseconds(2512));
        LogSource.Open(path).Where(r => r.Duration < TimeSpan.FromSeconds(1)).Select(r => r.Path).Should().Equal("/a");

        // A lambda the planner cannot push down reads a view of each line in the reader's buffer: the
        // duration is the line's own, not what the next lines in the buffer hold.
        LogSource.Open(path).Where(r => r.Bytes % 2 == 0).Sum(r => r.Duration.HasValue ? r.Duration.Value.Ticks : (long?)null)
            .Should().Be(TimeSpan.FromMilliseconds(12 + 2512).Ticks);
    }

    private LogRecord Single(string line)
    {
        var report = new ParseReport();
        List<LogRecord> records = [.. LogSource.Open(_dir.WriteLines($"{Guid.NewGuid():N}.log", line), new LogSourceOptions { Report = report })];
        report.Malformed.Should().Be(0);
        return records.Should().ContainSingle().Which;
    }
}

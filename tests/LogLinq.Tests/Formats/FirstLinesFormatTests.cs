using System.Text.Json;
using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Formats;

/// <summary>
/// A file's format is found from its first lines, not its first line alone: real files often open
/// with a line that is not a request (a container's start-up messages, a line cut by rotation, a
/// banner), and every good line after it must still be read, by the provider (one part or a file
/// cut for several workers), by a pipeline, and by the command, with the odd line reported.
/// </summary>
public sealed class FirstLinesFormatTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>What opens a file, and the format its requests are written in.</summary>
    public static TheoryData<string, string, string> Openings => new()
    {
        { "nginx's container start-up before JSON", "/docker-entrypoint.sh: Configuration complete; ready for start up", "json" },
        { "a JSON line cut by rotation", "0:00+00:00\",\"remote_addr\":\"192.0.2.1\",\"status\":200,\"body_bytes_sent\":17}", "json" },
        { "a banner that reads as a W3C directive", "#Created: 2023-10-10 by logrotate", "ncsa" },
        { "a JSON note before NCSA lines", "{\"msg\":\"log opened\"}", "ncsa" },
        { "a logfmt note before NCSA lines", "level=info msg=\"log opened\" status=ok", "ncsa" },
        { "a logfmt note before JSON", "level=info msg=\"proxy starting\"", "json" },
    };

    [Theory]
    [MemberData(nameof(Openings))]
    public void The_provider_reads_every_request_after_an_odd_first_line(string what, string opening, string format)
    {
        _ = what;
        string path = _temp.WriteLines("access.log", [opening, .. Requests(format, 200)]);
        var report = new ParseReport();

        IQueryable<LogRecord> logs = LogSource.Open(path, new LogSourceOptions { Report = report });

        logs.Sum(r => r.Bytes).Should().Be(ExpectedBytes(200));
        logs.Count().Should().Be(200);
        report.Samples.Select(m => m.LineNumber).Distinct().Should().Equal(1L);
    }

    [Theory]
    [MemberData(nameof(Openings))]
    public void A_pipeline_reads_every_request_after_an_odd_first_line(string what, string opening, string format)
    {
        _ = what;
        string path = _temp.WriteLines("access.log", [opening, .. Requests(format, 50)]);
        var report = new ParseReport();

        List<LogRecord> records = [.. new[] { path }.Open().Cat().Parse(LogFormat.Auto, report)];

        records.Select(r => r.Bytes).Should().Equal(Enumerable.Range(0, 50).Select(Bytes));
        records.Select(r => r.LineNumber).Should().Equal(Enumerable.Range(2, 50).Select(i => (long)i));
        report.Malformed.Should().BeLessThanOrEqualTo(1);
    }

    [Fact]
    public void A_file_cut_for_several_workers_is_read_in_the_format_of_its_first_requests()
    {
        // Over the size a plain file is cut at, opened as an nginx container's log often is.
        string[] startUp =
        [
            "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
            "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
            "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
            "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
            "/docker-entrypoint.sh: Configuration complete; ready for start up",
        ];
        const int Count = 20_000;
        string path = _temp.WriteLines("big.json", [.. startUp, .. Requests("json", Count)]);
        var report = new ParseReport();

        IQueryable<LogRecord> logs = LogSource.Open(path, new LogSourceOptions { Report = report, MinPartSize = 64 * 1024, MaxDegreeOfParallelism = 2 });

        logs.Sum(r => r.Bytes).Should().Be(ExpectedBytes(Count));
        logs.Where(r => r.Status == 404).Count().Should().Be(Enumerable.Range(0, Count).Count(i => Status(i) == 404));
        report.Samples.Select(m => m.LineNumber).Distinct().Should().Equal(1L, 2L, 3L, 4L, 5L);
    }

    [Fact]
    public void A_w3c_file_still_settles_on_its_directives()
    {
        string path = _temp.WriteLines(
            "u_ex231010.log",
            "#Software: Microsoft Internet Information Services 10.0",
            "#Version: 1.0",
            "#Fields: date time c-ip cs-method cs-uri-stem sc-status sc-bytes",
            "2023-10-10 13:55:00 192.0.2.1 GET /a 200 10",
            "2023-10-10 13:55:01 192.0.2.2 GET /b 404 20");
        var report = new ParseReport();

        List<LogRecord> records = [.. LogSource.Open(path, new LogSourceOptions { Report = report })];

        records.Select(r => (r.Host, r.Path, r.Status, r.Bytes)).Should().Equal(("192.0.2.1", "/a", 200, 10L), ("192.0.2.2", "/b", 404, 20L));
        report.Malformed.Should().Be(0);
    }

    [Fact]
    public async Task The_command_answers_and_names_the_odd_line()
    {
        string path = _temp.WriteLines("app.json", ["/docker-entrypoint.sh: Configuration complete; ready for start up", .. Requests("json", 3)]);

        LoglinqProcess.Result result = await LoglinqProcess.RunAsync(["query", $"from \"{path}\" | summarize sum(bytes), count()", "--format", "csv"]);

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Be($"sum_bytes,count\r\n{ExpectedBytes(3)},3\r\n"); // CSV ends its rows as RFC 4180 does
        result.Stderr.Should().Contain("skipped 1 malformed line").And.Contain("app.json:1: ");
    }

    private static IEnumerable<string> Requests(string format, int count) =>
        Enumerable.Range(0, count).Select(i => format == "json" ? Json(i) : Ncsa(i));

    private static string Json(int i) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["time_iso8601"] = new DateTimeOffset(2023, 10, 10, 13, 55, 0, TimeSpan.Zero).AddSeconds(i).ToString("yyyy-MM-ddTHH:mm:sszzz"),
        ["remote_addr"] = $"192.0.2.{i % 250}",
        ["request"] = $"GET /p/{i} HTTP/1.1",
        ["status"] = Status(i),
        ["body_bytes_sent"] = Bytes(i),
    });

    private static string Ncsa(int i) =>
        $"192.0.2.{i % 250} - - [10/Oct/2023:13:{55 + (i / 3600 % 4):D2}:{i % 60:D2} +0000] \"GET /p/{i} HTTP/1.1\" {Status(i)} {Bytes(i)} \"-\" \"curl/8\"";

    private static int Status(int i) => i % 9 == 0 ? 404 : 200;

    private static long Bytes(int i) => (i * 31L) + 7;

    private static long ExpectedBytes(int count) => Enumerable.Range(0, count).Sum(Bytes);
}

using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// Logs as Docker's json-file driver keeps them (<c>/var/lib/docker/containers/*/*-json.log</c>):
/// each line of a container's output a JSON string, with its stream and time. A web server in a
/// container (nginx's official image logs to stdout) leaves NCSA lines inside, an application JSON
/// lines; and in Kubernetes, a container runtime's prefix stands before JSON lines as before NCSA
/// ones. The files here are made with .NET's own JSON writer, escaping as Docker (Go) does.
/// </summary>
public sealed class DockerLogTests : IDisposable
{
    private const string Ncsa = "192.0.2.1 - - [06/Nov/2026:12:00:01 +0000] \"GET /a?x=1&y=<2> HTTP/1.1\" 200 612 \"-\" \"curl/8.0 \\\"quoted\\\" caf\u00e9\"";

    // Go's encoder, as Docker uses it: quotes and backslashes escaped with a backslash, <, > and & as
    // \u003c and the like, any other character as it is (the relaxed encoder, and the three replaced).
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Another writer's choice: every quote, '+' and non-ASCII character as \uXXXX too.
    private static readonly JsonSerializerOptions Strict = new() { Encoder = JavaScriptEncoder.Default };

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Docker(string line, int second = 1, JsonSerializerOptions? options = null)
    {
        string json = JsonSerializer.Serialize(new { log = line + "\n", stream = "stdout", time = $"2026-11-26T12:00:{second:00}.123456789Z" }, options ?? Relaxed);
        return options is null ? json.Replace("&", "\\u0026").Replace("<", "\\u003c").Replace(">", "\\u003e") : json;
    }

    [Theory]
    [InlineData(false, "\\u0026y=\\u003c2\\u003e HTTP/1.1\\\" 200 612 \\\"-\\\" \\\"curl/8.0 \\\\\\\"quoted\\\\\\\" caf\u00e9\\\"\\n\"")]
    [InlineData(true, "\\u0026y=\\u003C2\\u003E HTTP/1.1\\u0022 200 612 \\u0022-\\u0022 \\u0022curl/8.0 \\\\\\u0022quoted\\\\\\u0022 caf\\u00E9\\u0022\\n\"")]
    public void Unwraps_the_line_with_every_escape_undone(bool strict, string escaped)
    {
        string envelope = Docker(Ncsa, options: strict ? Strict : null);
        envelope.Should().Contain(escaped);
        byte[] buffer = [];

        DockerLogLine.IsEnvelope(Encoding.UTF8.GetBytes(envelope)).Should().BeTrue();
        DockerLogLine.TryUnwrap(Encoding.UTF8.GetBytes(envelope), ref buffer, out int length, out string? error).Should().BeTrue(error);

        Encoding.UTF8.GetString(buffer, 0, length).Should().Be(Ncsa);
    }

    [Theory]
    [InlineData("{\"log\":\"192.0.2.1 - - [06/Nov/2026:12:00:01 +0000] \\\"GET / HTTP/1.1\\\" 200 1\\n\",\"stream\":\"std", "not valid JSON")]
    [InlineData("{\"log\":\"192.0.2.1 - - [06/Nov/2026:12:00:01 +0000] \\\"GET / HTTP/1.1\\\" 200 1\\n\"", "not valid JSON")]
    [InlineData("{\"log\":\"a\"} {\"log\":\"b\"}", "not valid JSON")]
    [InlineData("{\"log\":17,\"stream\":\"stdout\"}", "expected {\"log\":\"...\" first")]
    public void A_damaged_line_is_not_unwrapped(string line, string reason)
    {
        byte[] buffer = [];

        DockerLogLine.TryUnwrap(Encoding.UTF8.GetBytes(line), ref buffer, out _, out string? error).Should().BeFalse();

        error.Should().Contain(reason);
    }

    [Fact]
    public void The_sample_log_inside_dockers_json_gives_the_sample_logs_answers()
    {
        string plain = Path.Combine(TestPaths.Data, "access-log");
        string docker = _dir.Write("0123abcd-json.log", string.Concat(File.ReadLines(plain).Select(line => Docker(line) + "\n")));

        // Small parts, so that parts starting mid-file find the JSON on their own first line.
        var options = new LogSourceOptions { MaxDegreeOfParallelism = 2, MinPartSize = 64 * 1024 };
        IQueryable<LogRecord> logs = LogSource.Open(docker, options);
        List<LogRecord> expected = new[] { plain }.Open().Cat().Parse(LogFormat.Common).ToList();

        // awk '{ s += $NF } END { print s }' data/access-log; awk '$9 == 404' data/access-log | wc -l
        logs.Sum(r => r.Bytes).Should().Be(230741830);
        logs.Count(r => r.Status == 404).Should().Be(2053);
        logs.Count(r => r.Path.Contains("&")).Should().Be(expected.Count(r => r.Path.Contains('&')));
        logs.GroupBy(r => r.Host).Select(g => new { g.Key, N = g.Count() }).ToList()
            .Should().Equal(expected.GroupBy(r => r.Host).Select(g => new { g.Key, N = g.Count() }));
        logs.Where(r => r.Path == "/robots.txt").Select(r => r.LineNumber).ToList()
            .Should().Equal(expected.Where(r => r.Path == "/robots.txt").Select(r => r.LineNumber));
        logs.Take(3).ToList().Select(r => r.ToString()).Should().Equal(expected.Take(3).Select(r => r.ToString()));
    }

    [Fact]
    public void An_envelope_written_again_with_spaces_is_unwrapped_too()
    {
        // As Python's json.dumps writes an object it has read: a space after every ':' and ','.
        string plain = Path.Combine(TestPaths.Data, "access-log");
        string spaced = _dir.Write(
            "respaced-json.log",
            string.Concat(File.ReadLines(plain).Take(500).Select(line => Docker(line).Replace("\",\"stream\":", "\", \"stream\": ").Replace("{\"log\":", "{\"log\": ") + "\n")));
        File.ReadLines(spaced).First().Should().StartWith("{\"log\": \"");
        List<LogRecord> expected = [.. new[] { plain }.Open().Cat().Parse(LogFormat.Common).Take(500)];
        var report = new ParseReport();

        List<LogRecord> records = [.. LogSource.Open(spaced, new LogSourceOptions { Report = report })];

        report.Malformed.Should().Be(0);
        records.Select(r => r.ToString()).Should().Equal(expected.Select(r => r.ToString()));
    }

    [Fact]
    public void A_query_literal_that_docker_escapes_still_finds_its_lines()
    {
        // '&' is "\u0026" in the file: a search of the raw lines for it would find none.
        string path = _dir.WriteLines(
            "amp-json.log",
            Docker("192.0.2.1 - - [06/Nov/2026:12:00:01 +0000] \"GET /a?x=1&y=2 HTTP/1.1\" 200 10"),
            Docker("192.0.2.2 - - [06/Nov/2026:12:00:02 +0000] \"GET /b HTTP/1.1\" 200 20", 2),
            Docker("192.0.2.3 - - [06/Nov/2026:12:00:03 +0000] \"GET /c?p=&q HTTP/1.1\" 404 30", 3));

        foreach (LogFormat format in new[] { LogFormat.Auto, LogFormat.Common })
        {
            IQueryable<LogRecord> logs = LogSource.Open(path, new LogSourceOptions { Format = format });

            logs.Where(r => r.Path.Contains("&")).Select(r => r.Bytes).ToList().Should().Equal(10L, 30L);
        }
    }

    [Fact]
    public void Json_lines_inside_dockers_json_or_behind_a_prefix_are_json_lines()
    {
        string[] apps =
        [
            "{\"remote_addr\":\"192.0.2.7\",\"time\":\"2026-11-26T12:00:00Z\",\"request\":\"GET /x HTTP/1.1\",\"status\":200,\"body_bytes_sent\":512}",
            "{\"remote_addr\":\"192.0.2.8\",\"time\":\"2026-11-26T12:00:01Z\",\"request\":\"GET /y&z HTTP/1.1\",\"status\":404,\"body_bytes_sent\":12}",
        ];
        string docker = _dir.WriteLines("app-json.log", [.. apps.Select((line, i) => Docker(line, i))]);
        string cri = _dir.WriteLines("app_default_web-0123.log", [.. apps.Select((line, i) => $"2026-11-26T12:00:0{i}.5Z stdout F {line}")]);
        string syslog = _dir.WriteLines("syslog", [.. apps.Select(line => $"Nov 26 12:00:01 web1 app[7]: {line}")]);

        foreach (string path in new[] { docker, cri, syslog })
        {
            foreach (LogFormat format in new[] { LogFormat.Auto, LogFormat.JsonLines })
            {
                var report = new ParseReport();
                List<LogRecord> records = [.. LogSource.Open(path, new LogSourceOptions { Format = format, Report = report })];

                records.Select(r => (r.Host, r.Path, r.Status, r.Bytes, r.LineNumber)).Should().Equal(
                    new[] { ("192.0.2.7", "/x", 200, 512L, 1L), ("192.0.2.8", "/y&z", 404, 12L, 2L) },
                    $"{Path.GetFileName(path)} as {format}");
                report.Malformed.Should().Be(0);
            }
        }
    }

    [Fact]
    public void A_damaged_line_is_named_and_the_others_are_read()
    {
        // Docker's own log rotation can leave a line cut short; a container's other output sits among the access lines.
        string whole = Docker("192.0.2.1 - - [06/Nov/2026:12:00:01 +0000] \"GET / HTTP/1.1\" 200 612");
        string path = _dir.Write(
            "damaged-json.log",
            whole + "\n"
            + whole[..40] + "\n"
            + Docker("nginx: [warn] the \"user\" directive makes sense only if the master process runs", 2) + "\n"
            + Docker("192.0.2.2 - - [06/Nov/2026:12:00:03 +0000] \"GET /x HTTP/1.1\" 404 9", 3) + "\n");
        var report = new ParseReport();

        List<LogRecord> records = [.. new[] { path }.Open().Cat().Parse(LogFormat.Auto, report)];

        records.Select(r => (r.LineNumber, r.Status, r.Bytes)).Should().Equal((1L, 200, 612L), (4L, 404, 9L));
        report.Malformed.Should().Be(2);
        report.Samples.Select(s => (s.LineNumber, s.Reason.Contains("Docker json-file line that is not valid JSON"))).Should().Equal((2L, true), (3L, false));
    }

    [Fact]
    public void A_rotated_compressed_docker_log_is_read_like_the_live_one()
    {
        string[] lines =
        [
            Docker("192.0.2.1 - - [06/Nov/2026:12:00:01 +0000] \"GET / HTTP/1.1\" 200 100"),
            Docker("192.0.2.2 - - [06/Nov/2026:12:00:02 +0000] \"GET /x HTTP/1.1\" 200 20", 2),
        ];
        using (var gz = new GZipStream(File.Create(_dir.File("c-json.log.1.gz")), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(lines[0] + "\n"));
        }

        _dir.WriteLines("c-json.log", lines[1]);

        IQueryable<LogRecord> logs = LogSource.Open(_dir.File("c-json.log*"));

        logs.Select(r => r.Bytes).ToList().Should().Equal(100L, 20L);
    }
}

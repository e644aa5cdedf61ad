using System.Text;
using LogLinq.Interchange;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Sources;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Interchange;

/// <summary>JSON lines of records: every field, the query language's names, and back.</summary>
public sealed class RecordJsonTests
{
    [Fact]
    public void Odd_records_come_back_from_json_field_for_field()
    {
        List<LogRecord> records = [.. RecordStreamTests.OddRecords().Where(r => !r.Path.Contains('\0'))];
        records.Add(new LogRecord("h", DateTimeOffset.UnixEpoch, "GET", "/a\u0000b", "HTTP/1.1", 200, 1));

        List<LogRecord> back = [.. RecordJsonReader.Read(new MemoryStream(Write(records)))];

        back.ShouldEqualFieldForField(records);
    }

    [Fact]
    public void A_record_is_one_line_keyed_by_the_query_languages_names()
    {
        var record = new LogRecord("1.2.3.4", new DateTimeOffset(2008, 2, 24, 0, 8, 59, TimeSpan.FromHours(-6)), "GET", "/a?b=1&c=<d>", "HTTP/1.1", 404, 133, file: "f", lineNumber: 7);

        Encoding.UTF8.GetString(Write([record])).Should().Be(
            "{\"host\":\"1.2.3.4\",\"ident\":\"-\",\"user\":\"-\",\"time\":\"2008-02-24T00:08:59-06:00\",\"method\":\"GET\",\"path\":\"/a?b=1&c=<d>\","
            + "\"protocol\":\"HTTP/1.1\",\"status\":404,\"bytes\":133,\"referrer\":null,\"agent\":null,\"vhost\":null,\"duration\":null,\"file\":\"f\",\"line\":7}\n");
    }

    [Fact]
    public void A_duration_is_written_as_seconds_and_read_back()
    {
        var record = new LogRecord("h", DateTimeOffset.UnixEpoch, "GET", "/", "HTTP/1.1", 200, 1, duration: TimeSpan.FromMilliseconds(2500));

        string line = Encoding.UTF8.GetString(Write([record]));

        line.Should().Contain("\"duration\":2.5,");
        Read(line).Duration.Should().Be(TimeSpan.FromMilliseconds(2500));
        Read(line.Replace("2.5,", "0.0000001,", StringComparison.Ordinal)).Duration.Should().Be(TimeSpan.FromTicks(1));
    }

    [Fact]
    public void A_duration_as_loglinq_wrote_it_before_is_still_read()
    {
        // Lines written before durations were seconds: .NET's "c" text.
        string line = Encoding.UTF8.GetString(Write([new LogRecord("h", DateTimeOffset.UnixEpoch, "GET", "/", "HTTP/1.1", 200, 1, duration: TimeSpan.FromSeconds(1))]));

        Read(line.Replace("\"duration\":1,", "\"duration\":\"00:00:02.5000000\",", StringComparison.Ordinal)).Duration.Should().Be(TimeSpan.FromMilliseconds(2500));
    }

    [Theory]
    [InlineData("\"2.5s\"")]
    [InlineData("-1")]
    [InlineData("1e300")]
    [InlineData("true")]
    public void A_duration_that_is_none_is_named(string value)
    {
        string line = Encoding.UTF8.GetString(Write([new LogRecord("h", DateTimeOffset.UnixEpoch, "GET", "/", "HTTP/1.1", 200, 1, duration: TimeSpan.FromSeconds(1))]));

        Action bad = () => RecordJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(line.Replace("\"duration\":1,", $"\"duration\":{value},", StringComparison.Ordinal))), "j").ToList();

        bad.Should().Throw<LogSourceException>().WithMessage("j:1: duration: *");
    }

    [Fact]
    public async Task The_writer_writes_what_loglinq_prints_with_format_json()
    {
        string log = Path.Combine(TestPaths.Data, "access-log");
        LoglinqProcess.Result printed = await LoglinqProcess.RunAsync(["query", $"from \"{log}\" | where bytes > 1mb", "--format", "json"]);

        string written = Encoding.UTF8.GetString(Write([.. LogSource.Open(log).Where(r => r.Bytes > 1_000_000)]));

        written.Should().Be(printed.Stdout).And.NotBeEmpty();
        written.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount((int)SampleLogFacts.OverOneMegabyte);
    }

    [Fact]
    public void A_line_that_is_not_a_record_is_named_by_its_number()
    {
        byte[] json = [.. Write(RecordStreamTests.OddRecords()[..1]), .. "\n{\"time\":\"2008-02-24T00:08:59-06:00\"}\n"u8];

        Action read = () => RecordJsonReader.Read(new MemoryStream(json), "r.json").ToList();

        read.Should().Throw<LogSourceException>().WithMessage("r.json:3: no status");
    }

    [Fact]
    public void A_line_longer_than_16_MB_is_named_by_its_number()
    {
        byte[] huge = new byte[LineReader.MaxLineLength + 1];
        huge.AsSpan().Fill((byte)'x');
        byte[] json = [.. Write(RecordStreamTests.OddRecords()[..2]), .. huge, (byte)'\n', .. Write(RecordStreamTests.OddRecords()[..1])];

        var read = new List<LogRecord>();
        Action reading = () =>
        {
            foreach (LogRecord record in RecordJsonReader.Read(new MemoryStream(json), "r.json"))
            {
                read.Add(record);
            }
        };

        reading.Should().Throw<LogSourceException>().WithMessage("r.json:3: line longer than 16 MB");
        read.Should().HaveCount(2, "the records before it are read");
    }

    private static byte[] Write(IEnumerable<LogRecord> records)
    {
        var bytes = new MemoryStream();
        using (var writer = new RecordJsonWriter(bytes, leaveOpen: true))
        {
            foreach (LogRecord r in records)
            {
                writer.Write(r);
            }
        }

        return bytes.ToArray();
    }

    private static LogRecord Read(string line) => RecordJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(line))).Single();
}

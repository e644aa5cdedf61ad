using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// Rows read from their columns' places, under a header that names each field once: unknown columns
/// between the known ones, rows with and without quotes under one header, which fault of a row is
/// told when it has several, a request column beside a method column, a duration column and a
/// start/end pair, and a header that names a field twice after one that does not. Expected values are
/// read off the lines by hand.
/// </summary>
public sealed class CsvColumnTableTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2024, 1, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Unknown_columns_between_known_ones_are_passed_over()
    {
        var results = Parse(
            "id,time,zone,host,note,status,bytes,path",
            "7,2024-01-02T12:00:00Z,eu,198.51.100.4:8080,,503,1024,/a");

        LogRecord record = Record(results[1]);
        (record.Host, record.Time, record.Status, record.Bytes, record.Path).Should().Be(("198.51.100.4", Noon, 503, 1024L, "/a"));
        (record.Method, record.Protocol, record.User, record.Referrer).Should().Be(("", "", "-", (string?)null));
    }

    [Fact]
    public void Rows_with_and_without_quotes_under_one_header_each_read_their_own_values()
    {
        var results = Parse(
            "time,path,status,bytes,agent",
            "2024-01-02T12:00:00Z,/one,200,1,curl",
            "2024-01-02T12:00:01Z,\"/two,2\",201,22,\"say \"\"hi\"\"\"",
            "2024-01-02T12:00:02Z,/three,202,333,wget");

        results.Skip(1).Select(r => (Record(r).Path, Record(r).Status, Record(r).Bytes, Record(r).UserAgent)).Should().Equal(
            ("/one", 200, 1L, "curl"),
            ("/two,2", 201, 22L, "say \"hi\""),
            ("/three", 202, 333L, "wget"));
    }

    [Theory]
    [InlineData("noon,/a,abc,lots", "bytes: expected the number of bytes (or '-'), found 'lots'")]
    [InlineData("noon,/a,abc,5", "time: expected a time (ISO 8601, like 24/Feb/2008:00:08:59 -0600, or epoch seconds), found 'noon'")]
    [InlineData("2024-01-02T12:00:00Z,/a,abc,5", "status: expected a numeric status, found 'abc'")]
    [InlineData(",/a,200,5", "time: expected a time (ISO 8601, like 24/Feb/2008:00:08:59 -0600, or epoch seconds), found ''")]
    [InlineData("2024-01-02T12:00:00Z,/a,,5", "status: expected a numeric status, found ''")]
    [InlineData("noon,/a,abc,lots,extra", "expected 4 values, one for each column the header names ('time,path,status,bytes'), found 5")]
    [InlineData("noon,\"/a\"x,abc,lots", "column 2 ('path'): text after the closing quote of a value: 'x'")]
    [InlineData("noon,\"/a\",abc", "expected 4 values, one for each column the header names ('time,path,status,bytes'), found 3")]
    public void A_row_with_several_faults_is_told_the_first_of_quotes_count_size_time_status(string row, string error)
    {
        var results = Parse("time,path,status,bytes", row);

        results[1].Result.Should().Be(LineResult.Malformed);
        results[1].Error.Should().Be(error);
    }

    [Fact]
    public void A_status_of_0_is_no_response_s_and_a_dash_size_is_0()
    {
        var results = Parse("time,status,bytes", "2024-01-02T12:00:00Z,0,-");

        (Record(results[1]).Status, Record(results[1]).Bytes).Should().Be((0, 0L));
    }

    [Fact]
    public void A_request_column_gives_the_parts_no_column_of_their_own_gives()
    {
        var results = Parse(
            "time,request,method,status",
            "2024-01-02T12:00:00Z,GET /x?y=1 HTTP/1.1,POST,200",
            "2024-01-02T12:00:00Z,GET /x?y=1 HTTP/1.1,,200");

        LogRecord posted = Record(results[1]);
        (posted.Method, posted.Path, posted.Protocol).Should().Be(("POST", "/x?y=1", "HTTP/1.1"));
        LogRecord got = Record(results[2]);
        (got.Method, got.Path, got.Protocol).Should().Be(("GET", "/x?y=1", "HTTP/1.1"));
    }

    [Fact]
    public void A_duration_column_wins_over_start_and_end_which_stand_in_when_it_is_empty_or_no_duration()
    {
        // Start 12:00:00Z; end 1.5 s later, or a second before it (no duration then).
        var results = Parse(
            "start_time,EdgeEndTimestamp,status,duration_ms",
            "2024-01-02T12:00:00Z,2024-01-02T12:00:01.5Z,200,250",
            "2024-01-02T12:00:00Z,2024-01-02T12:00:01.5Z,200,",
            "2024-01-02T12:00:00Z,2024-01-02T12:00:01.5Z,200,soon",
            "2024-01-02T12:00:00Z,2024-01-02T11:59:59Z,200,",
            "2024-01-02T12:00:00Z,,200,");

        results.Skip(1).Select(r => Record(r).Duration).Should().Equal(
            TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(1500), TimeSpan.FromMilliseconds(1500), null, null);
        results.Skip(1).Select(r => Record(r).Time).Should().Equal(Noon, Noon, Noon, Noon, Noon);
    }

    [Fact]
    public void Epoch_ncsa_and_iso_times_read_in_one_column()
    {
        var results = Parse(
            "ts,status",
            "1704196800.5,200",
            "\"02/Jan/2024:13:00:00 +0100\",200",
            "2024-01-02T07:00:00-05:00,200");

        Record(results[1]).Time.Should().Be(Noon.AddMilliseconds(500));
        Record(results[2]).Time.Should().Be(new DateTimeOffset(2024, 1, 2, 13, 0, 0, TimeSpan.FromHours(1)));
        Record(results[3]).Time.Should().Be(new DateTimeOffset(2024, 1, 2, 7, 0, 0, TimeSpan.FromHours(-5)));
        Record(results[3]).Time.UtcDateTime.Should().Be(Noon.UtcDateTime);
    }

    [Fact]
    public void A_header_naming_the_client_twice_after_one_naming_it_once_reads_by_the_weak_name_s_rule()
    {
        var results = Parse(
            "time,host,status",
            "2024-01-02T12:00:00Z,10.0.0.1:80,200",
            "time,host,c-ip,status",
            "2024-01-02T12:00:00Z,10.0.0.1:80,192.0.2.9,200",
            "time,host,status",
            "2024-01-02T12:00:00Z,10.0.0.2,200");

        results.Select(r => r.Result).Should().Equal(
            LineResult.Skipped, LineResult.Record, LineResult.Skipped, LineResult.Record, LineResult.Skipped, LineResult.Record);
        new[] { results[1], results[3], results[5] }.Select(r => Record(r).Host).Should().Equal("10.0.0.1", "192.0.2.9", "10.0.0.2");
    }

    [Fact]
    public void A_file_of_its_header_alone_has_no_records_and_nothing_malformed()
    {
        string path = _dir.Write("empty.csv", "time,host,status,bytes\r\n");
        var report = new ParseReport();

        List<LogRecord> records = [.. new[] { path }.Open().Cat().Parse(LogFormat.Csv, report)];

        records.Should().BeEmpty();
        report.Malformed.Should().Be(0);
    }

    [Fact]
    public void Crlf_rows_with_blank_lines_between_them_read_as_lf_rows()
    {
        string path = _dir.Write(
            "crlf.csv",
            "time,host,status,bytes\r\n\r\n2024-01-02T12:00:00Z,192.0.2.1,200,10\r\n   \r\n2024-01-02T12:00:01Z,\"192.0.2.2\",404,\"20\"\r\n");
        var report = new ParseReport();

        List<LogRecord> records = [.. new[] { path }.Open().Cat().Parse(LogFormat.Csv, report)];

        report.Malformed.Should().Be(0);
        records.Select(r => (r.Host, r.Status, r.Bytes, r.LineNumber)).Should().Equal(("192.0.2.1", 200, 10L, 3L), ("192.0.2.2", 404, 20L, 5L));
    }

    private static LogRecord Record((LineResult Result, LogRecord? Record, string? Error) result) => ParsedLines.Record(result);

    private static List<(LineResult Result, LogRecord? Record, string? Error)> Parse(params string[] lines) => ParsedLines.Of(LogFormat.Csv, "memory.csv", lines);
}

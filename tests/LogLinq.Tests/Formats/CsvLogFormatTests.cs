using System.Text;
using LogLinq.Formats;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// The csv parser's rules, over lines in memory as a file of them would be read: the header, the
/// delimiter it says, RFC 4180's quotes, and what a row that does not fit is told. Expected values
/// are read off the lines by hand.
/// </summary>
public sealed class CsvLogFormatTests
{
    [Fact]
    public void Is_registered_as_csv()
    {
        LogFormat.FromName("csv").Should().BeSameAs(LogFormat.Csv);
        LogFormat.Names.Should().Contain("csv");
    }

    [Fact]
    public void A_quoted_value_holds_the_delimiter_and_doubled_quotes()
    {
        var results = Parse(
            "time,host,method,path,status,bytes,referer,agent",
            "2024-01-02T03:04:05Z,192.0.2.1,GET,\"/search?q=a,b\",200,512,\"\",\"Mozilla/5.0 \"\"quoted\"\" (X11, Linux)\"");

        results[0].Result.Should().Be(LineResult.Skipped, "the header is no record");
        LogRecord record = Record(results[1]);
        record.Time.Should().Be(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));
        record.Host.Should().Be("192.0.2.1");
        record.Method.Should().Be("GET");
        record.Path.Should().Be("/search?q=a,b");
        record.Status.Should().Be(200);
        record.Bytes.Should().Be(512);
        record.Referrer.Should().BeNull("an empty cell is no value");
        record.UserAgent.Should().Be("Mozilla/5.0 \"quoted\" (X11, Linux)");
    }

    [Fact]
    public void A_long_quoted_value_with_doubled_quotes_is_read_whole()
    {
        string agent = new string('x', 300) + "\"end\"";
        var results = Parse("time,status,agent", $"2024-01-02T03:04:05Z,200,\"{agent.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");

        Record(results[1]).UserAgent.Should().Be(agent);
    }

    [Fact]
    public void A_header_with_a_tab_makes_the_rows_tab_separated()
    {
        var results = Parse("time\tstatus\tbytes\tpath", "2024-01-02T03:04:05Z\t404\t0\t/a,b");

        LogRecord record = Record(results[1]);
        record.Path.Should().Be("/a,b", "a comma is only text in a tab-separated row");
        (record.Status, record.Bytes).Should().Be((404, 0L));
    }

    [Fact]
    public void A_byte_order_mark_before_the_header_is_not_part_of_its_first_name()
    {
        var results = Parse("\uFEFFtime,status", "2024-01-02T03:04:05Z,200");

        Record(results[1]).Status.Should().Be(200);
    }

    [Fact]
    public void Spaces_after_the_header_s_commas_are_not_part_of_the_names()
    {
        var results = Parse("time, host, status", "2024-01-02T03:04:05Z,192.0.2.9,301");

        LogRecord record = Record(results[1]);
        (record.Host, record.Status).Should().Be(("192.0.2.9", 301));
    }

    [Fact]
    public void A_row_with_more_or_fewer_values_than_the_header_has_columns_is_malformed()
    {
        var results = Parse(
            "",
            "time,status,bytes",
            "2024-01-02T03:04:05Z,200,5,extra",
            "2024-01-02T03:04:06Z,200",
            "2024-01-02T03:04:07Z,200,7");

        results[0].Result.Should().Be(LineResult.Skipped);
        results[2].Should().Be((LineResult.Malformed, (LogRecord?)null, "expected 3 values, one for each column the header names ('time,status,bytes'), found 4"));
        results[3].Error.Should().Be("expected 3 values, one for each column the header names ('time,status,bytes'), found 2");
        Record(results[4]).Bytes.Should().Be(7);
    }

    [Fact]
    public void The_header_again_mid_file_replaces_it_and_is_not_malformed()
    {
        var results = Parse(
            "time,status,bytes",
            "2024-01-02T03:04:05Z,200,5",
            "time,status,bytes",
            "2024-01-02T03:04:06Z,404,6",
            "status,time,path",
            "301,2024-01-02T03:04:07Z,/moved");

        results.Select(r => r.Result).Should().Equal(
            LineResult.Skipped, LineResult.Record, LineResult.Skipped, LineResult.Record, LineResult.Skipped, LineResult.Record);
        results.Select(r => r.Error).Should().AllSatisfy(e => e.Should().BeNull());
        LogRecord last = Record(results[5]);
        (last.Status, last.Path, last.Time).Should().Be((301, "/moved", new DateTimeOffset(2024, 1, 2, 3, 4, 7, TimeSpan.Zero)));
    }

    [Fact]
    public void A_second_file_s_header_with_other_columns_replaces_the_first()
    {
        // Two Cloud Storage files joined, the second with a column the first lacks; its names are not all known.
        var results = Parse(
            "\"time_micros\",\"sc_status\",\"sc_bytes\"",
            "\"1704164645000000\",\"200\",\"10\"",
            "\uFEFF\"time_micros\",\"c_ip_region\",\"sc_status\",\"sc_bytes\"",
            "\"1704164646000000\",\"\",\"404\",\"20\"");

        results.Select(r => r.Result).Should().Equal(LineResult.Skipped, LineResult.Record, LineResult.Skipped, LineResult.Record);
        (Record(results[3]).Status, Record(results[3]).Bytes).Should().Be((404, 20L));
    }

    [Fact]
    public void A_header_without_a_time_column_says_what_it_has_and_what_is_read()
    {
        var results = Parse("host,status,bytes", "192.0.2.1,200,5", "192.0.2.2,404,0");

        results[0].Result.Should().Be(LineResult.Skipped);
        results[1].Result.Should().Be(LineResult.Malformed);
        results[1].Error.Should().Be(
            "the header has no time column: its columns are host, status, bytes; a time is read from a column named "
            + "time_micros, EdgeStartTimestamp, time, timestamp, @timestamp, time_local, time_iso8601, ts, msec, start_time or date");
        results[2].Error.Should().Be(results[1].Error);
    }

    [Fact]
    public void A_header_without_a_status_column_says_so()
    {
        var results = Parse("ts,path", "1704164645,/");

        results[1].Error.Should().Be(
            "the header has no status column: its columns are ts, path; a status is read from a column named "
            + "sc_status, EdgeResponseStatus, status, response, status_code, response_code, DownstreamStatus or http.response.status_code");
    }

    [Fact]
    public void Unknown_columns_are_passed_over()
    {
        var results = Parse("request_id,time,shard,status,note", "abc,2024-01-02T03:04:05Z,7,200,\"anything, at all\"");

        Record(results[1]).Status.Should().Be(200);
    }

    [Fact]
    public void A_request_column_is_split_into_its_parts()
    {
        var results = Parse("time,request,status", "2024-01-02T03:04:05Z,\"GET /x?y=1 HTTP/2.0\",301");

        LogRecord record = Record(results[1]);
        (record.Method, record.Path, record.Protocol).Should().Be(("GET", "/x?y=1", "HTTP/2.0"));
    }

    [Theory]
    [InlineData("2024-01-02T03:04:05Z,\"/a,200", "column 2 ('path'): a quoted value is not closed (a value that holds a line break is not read)")]
    [InlineData("2024-01-02T03:04:05Z,\"/a\"b,200", "column 2 ('path'): text after the closing quote of a value: 'b'")]
    [InlineData("2024-01-02T03:04:05Z,/a,", "status: expected a numeric status, found ''")]
    [InlineData("yesterday,/a,200", "time: expected a time (ISO 8601, like 24/Feb/2008:00:08:59 -0600, or epoch seconds), found 'yesterday'")]
    public void A_bad_row_is_told_by_its_column(string row, string error)
    {
        var results = Parse("time,path,status", row);

        results[1].Result.Should().Be(LineResult.Malformed);
        results[1].Error.Should().Be(error);
    }

    [Fact]
    public void An_empty_size_is_none_and_a_size_that_is_no_number_is_malformed()
    {
        var results = Parse("time,status,bytes", "2024-01-02T03:04:05Z,304,", "2024-01-02T03:04:05Z,200,lots");

        Record(results[1]).Bytes.Should().Be(0);
        results[2].Error.Should().Be("bytes: expected the number of bytes (or '-'), found 'lots'");
    }

    private static LogRecord Record((LineResult Result, LogRecord? Record, string? Error) result) => ParsedLines.Record(result);

    private static List<(LineResult Result, LogRecord? Record, string? Error)> Parse(params string[] lines) => ParsedLines.Of(LogFormat.Csv, "memory.csv", lines);
}

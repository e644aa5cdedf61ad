using System.Text;
using LogLinq.Formats;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

/// <summary>
/// The CSV row read as one copy whose values are ranges of it: a value unescaped in place, a host's
/// port cut off by range, a path that is or is not an absolute URL, a protocol given "HTTP/", and a
/// row whose appended parts outgrow the buffer mid-row. Expected values are read off the lines by hand.
/// </summary>
public sealed class CsvRowCopyTests
{
    private const string Time = "\"24/Feb/2008:00:08:59 +0000\"";

    [Fact]
    public void Doubled_quotes_are_unescaped_in_place_and_the_values_after_them_are_untouched()
    {
        var results = Parse(
            "time,referer,method,agent,path,status,bytes",
            $"{Time},\"a\"\"b\"\"c\",GET,\"\"\"x\"\"\",/p,200,7");

        LogRecord record = Record(results[1]);
        record.Referrer.Should().Be("a\"b\"c");
        record.Method.Should().Be("GET");
        record.UserAgent.Should().Be("\"x\"");
        record.Path.Should().Be("/p");
        (record.Status, record.Bytes).Should().Be((200, 7L));
    }

    [Theory]
    [InlineData("203.0.113.9:51234", "203.0.113.9")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("140.180.132.213", "140.180.132.213")]
    public void A_host_s_port_is_cut_off(string host, string expected)
    {
        var results = Parse("time,method,c-ip,status", $"{Time},GET,{host},200");

        Record(results[1]).Host.Should().Be(expected);
    }

    [Fact]
    public void A_weak_host_column_gives_way_to_another_before_or_after_it()
    {
        var results = Parse(
            "time,c-ip,host,status",
            $"{Time},192.0.2.9,10.0.0.1:80,200",
            "time,host,c-ip,status",
            $"{Time},10.0.0.1:80,192.0.2.9:1234,200",
            $"{Time},10.0.0.1:80,,200");

        Record(results[1]).Host.Should().Be("192.0.2.9");
        results[2].Result.Should().Be(LineResult.Skipped, "a second header replaces the first");
        Record(results[3]).Host.Should().Be("192.0.2.9");
        Record(results[4]).Host.Should().Be("10.0.0.1", "an empty cell is no value, so the weak column's stands");
    }

    [Fact]
    public void A_path_is_split_only_when_it_is_an_absolute_url()
    {
        var results = Parse(
            "time,path,status",
            $"{Time},https://shop.example:443/cart?x=1,200",
            $"{Time},/go?to=http://elsewhere.example/,200",
            $"{Time},http://bare.example,200",
            $"{Time},?q=1,200");

        (Record(results[1]).Path, Record(results[1]).VirtualHost).Should().Be(("/cart?x=1", "shop.example:443"));
        (Record(results[2]).Path, Record(results[2]).VirtualHost).Should().Be(("/go?to=http://elsewhere.example/", null));
        (Record(results[3]).Path, Record(results[3]).VirtualHost).Should().Be(("/", "bare.example"));
        (Record(results[4]).Path, Record(results[4]).VirtualHost).Should().Be(("?q=1", null));
    }

    [Fact]
    public void A_protocol_written_as_its_version_alone_is_given_http()
    {
        var results = Parse("time,protocol,status", $"{Time},1.1,200", $"{Time},HTTP/2.0,200");

        Record(results[1]).Protocol.Should().Be("HTTP/1.1");
        Record(results[2]).Protocol.Should().Be("HTTP/2.0");
    }

    [Fact]
    public void Empty_cells_leave_their_fields_at_their_defaults()
    {
        var results = Parse("time,host,user,method,path,status,bytes,referer,agent", $"{Time},,,,,304,,,");

        LogRecord record = Record(results[1]);
        (record.Host, record.User, record.Method, record.Path).Should().Be(("-", "-", "", ""));
        (record.Status, record.Bytes, record.Referrer, record.UserAgent).Should().Be((304, 0L, null, null));
    }

    [Fact]
    public void A_url_that_outgrows_the_buffer_mid_row_keeps_the_values_after_it()
    {
        // The row fits the parser's first buffer with its slack; the URL's path and host, appended
        // after it, do not, and the quoted agent after the URL is unescaped in the grown buffer.
        string path = "/" + new string('p', 120);
        var results = Parse(
            "time,path,agent,status,bytes",
            $"{Time},https://big.example{path},\"say \"\"hi\"\"\",200,12");

        LogRecord record = Record(results[1]);
        (record.Path, record.VirtualHost).Should().Be((path, "big.example"));
        record.UserAgent.Should().Be("say \"hi\"");
        (record.Status, record.Bytes).Should().Be((200, 12L));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(60)]
    [InlineData(64)]
    [InlineData(100)]
    public void Rows_short_and_long_of_a_vector_split_at_each_delimiter(int pathLength)
    {
        string path = "/" + new string('a', pathLength - 1);
        var results = Parse("time\tpath\tstatus\tbytes", $"2024-01-02T03:04:05Z\t{path}\t404\t9", $"2024-01-02T03:04:05Z\t{path}\t404\t9\textra");

        LogRecord record = Record(results[1]);
        (record.Path, record.Status, record.Bytes).Should().Be((path, 404, 9L));
        results[2].Result.Should().Be(LineResult.Malformed);
        results[2].Error.Should().Be("expected 4 values, one for each column the header names ('time\tpath\tstatus\tbytes'), found 5");
    }

    private static LogRecord Record((LineResult Result, LogRecord? Record, string? Error) result) => ParsedLines.Record(result);

    private static List<(LineResult Result, LogRecord? Record, string? Error)> Parse(params string[] lines) => ParsedLines.Of(LogFormat.Csv, "memory.csv", lines);
}

using System.Text;
using LogLinq.Formats;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

// The W3C parser copies a data line whole and rewrites only some fields in the copy, caches the last
// date, reads HH:mm:ss as one word and IIS's time-taken digits directly: the cases each must decline.
public sealed class W3cDataLineTests
{
    private const string Iis = "#Fields: date time c-ip cs-username cs-method cs-uri-stem cs-uri-query cs(User-Agent) cs(Referer) sc-status sc-bytes time-taken";

    [Fact]
    public void Joins_the_stem_and_query_and_makes_the_user_agents_plus_a_space()
    {
        LogRecord r = One(Iis, "2024-03-01 00:00:07 203.0.113.7 - GET /api/orders id=42&x=%41 Mozilla/5.0+(X11) https://example.com/?q=a+b 200 512 46");
        r.Path.Should().Be("/api/orders?id=42&x=%41");
        r.UserAgent.Should().Be("Mozilla/5.0 (X11)");
        r.Referrer.Should().Be("https://example.com/?q=a+b");
        r.Host.Should().Be("203.0.113.7");
        r.User.Should().Be("-");
        r.Ident.Should().Be("-");
        r.Method.Should().Be("GET");
        r.Bytes.Should().Be(512);
        r.Duration.Should().Be(TimeSpan.FromMilliseconds(46));
    }

    [Fact]
    public void Leaves_a_path_alone_when_the_query_is_a_dash_and_joins_a_query_that_comes_first()
    {
        One(Iis, "2024-03-01 00:00:07 203.0.113.7 - GET /a - - - 200 1 1").Path.Should().Be("/a");
        LogRecord r = One("#Fields: date time cs-uri-query c-ip cs-uri-stem sc-status", "2024-03-01 00:00:07 b=2 203.0.113.7 /a 200");
        r.Path.Should().Be("/a?b=2");
        r.Host.Should().Be("203.0.113.7");
    }

    [Fact]
    public void Decodes_a_percent_encoded_user_agent_and_keeps_its_plus()
    {
        string fields = "#Fields: date time x-edge-location c-ip cs-method cs-uri-stem sc-status cs(User-Agent) time-taken";
        LogRecord r = One(fields, "2024-03-01 00:00:07 IAD89-C1 203.0.113.7 GET /a 200 Mozilla/5.0%20(compatible;%20Googlebot/2.1;%20+http://www.google.com/bot.html) 0.082");
        r.UserAgent.Should().Be("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        r.Duration.Should().Be(TimeSpan.FromMilliseconds(82));

        // A '%' that starts no escape: the '+' is IIS's space.
        One(Iis, "2024-03-01 00:00:07 203.0.113.7 - GET /a - 100%+sure - 200 1 1").UserAgent.Should().Be("100% sure");
    }

    [Fact]
    public void Gives_defaults_for_fields_the_header_does_not_list()
    {
        LogRecord r = One("#Fields: date time cs-method sc-status", "2024-03-01 00:00:07 GET 200");
        r.Host.Should().Be("-");
        r.User.Should().Be("-");
        r.Path.Should().Be("");
        r.Protocol.Should().Be("");
        r.Referrer.Should().BeNull();
        r.UserAgent.Should().BeNull();
        r.VirtualHost.Should().BeNull();
        r.Duration.Should().BeNull();
        r.Bytes.Should().Be(0);
    }

    [Fact]
    public void Reads_each_lines_date_when_it_changes_and_back()
    {
        var parser = Parser(Iis);
        string Line(string date) => $"{date} 23:59:60 203.0.113.7 - GET /a - - - 200 1 1";
        Parse(parser, Line("2024-03-01")).Time.Should().Be(new DateTimeOffset(2024, 3, 1, 23, 59, 59, TimeSpan.Zero));
        Parse(parser, Line("2024-03-02")).Time.Should().Be(new DateTimeOffset(2024, 3, 2, 23, 59, 59, TimeSpan.Zero));
        Parse(parser, Line("2024-03-01")).Time.Should().Be(new DateTimeOffset(2024, 3, 1, 23, 59, 59, TimeSpan.Zero));
        Error(parser, Line("2024-02-30")).Should().Be("expected a date like 2024-03-01 in the date field, found '2024-02-30'");
        Parse(parser, Line("2024-03-01")).Time.Should().Be(new DateTimeOffset(2024, 3, 1, 23, 59, 59, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("01:02:04.5", 1, 2, 4, 5_000_000)]
    [InlineData("00:00:00", 0, 0, 0, 0)]
    [InlineData("23:59:59", 23, 59, 59, 0)]
    public void Reads_a_time_with_or_without_a_fraction(string time, int hour, int minute, int second, long ticks) =>
        One(Iis, $"2024-03-01 {time} 203.0.113.7 - GET /a - - - 200 1 1").Time
            .Should().Be(new DateTimeOffset(2024, 3, 1, hour, minute, second, TimeSpan.Zero).AddTicks(ticks));

    [Theory]
    [InlineData("24:00:00")]
    [InlineData("12:60:00")]
    [InlineData("12:00:61")]
    [InlineData("12-00-00")]
    [InlineData("1a:00:00")]
    [InlineData("12:00:0")]
    public void Tells_a_time_that_is_not_one(string time) =>
        Error(Parser(Iis), $"2024-03-01 {time} 203.0.113.7 - GET /a - - - 200 1 1")
            .Should().Be($"expected a time like 12:34:56 in the time field, found '{time}'");

    [Theory]
    [InlineData("1234567890", 1234567890L * TimeSpan.TicksPerMillisecond)]
    [InlineData("0", 0L)]
    [InlineData("0.5", 5_000_000L)]
    public void Reads_time_taken_as_milliseconds_or_seconds_with_a_point(string taken, long ticks) =>
        One(Iis, $"2024-03-01 00:00:07 203.0.113.7 - GET /a - - - 200 1 {taken}").Duration.Should().Be(TimeSpan.FromTicks(ticks));

    [Fact]
    public void Tells_a_time_taken_that_is_not_one_and_takes_a_dash_as_none()
    {
        Error(Parser(Iis), "2024-03-01 00:00:07 203.0.113.7 - GET /a - - - 200 1 12a")
            .Should().Be("expected milliseconds (or '-') in time-taken, found '12a'");
        One(Iis, "2024-03-01 00:00:07 203.0.113.7 - GET /a - - - 200 1 -").Duration.Should().BeNull();
    }

    [Fact]
    public void Splits_on_tabs_and_across_64_bytes()
    {
        string longPath = "/" + new string('p', 70);
        LogRecord r = One(Iis, $"2024-03-01\t00:00:07\t203.0.113.7\tjdoe\tGET\t{longPath}\tq=1\tcurl/8.4.0\t-\t404\t133\t36");
        r.Path.Should().Be(longPath + "?q=1");
        r.User.Should().Be("jdoe");
        r.Status.Should().Be(404);
        r.Bytes.Should().Be(133);
        r.UserAgent.Should().Be("curl/8.4.0");
    }

    [Fact]
    public void Counts_the_fields_of_a_line_with_too_many_or_too_few()
    {
        string tooMany = "2024-03-01 00:00:07 203.0.113.7 - GET /a - - - 200 1 1 " + string.Join(' ', Enumerable.Repeat("x", 70));
        Error(Parser(Iis), tooMany).Should().StartWith("expected 12 fields, as the #Fields: header lists ('date time c-ip").And.EndWith("), found 82");
        Error(Parser(Iis), "2024-03-01 00:00:07 203.0.113.7").Should().StartWith("expected 12 fields, as the #Fields: header lists ('date time c-ip").And.EndWith("), found 3");
    }

    [Fact]
    public void Keeps_each_records_text_apart_from_the_next_lines()
    {
        var parser = Parser(Iis);
        LogRecord first = Parse(parser, "2024-03-01 00:00:07 203.0.113.7 - GET /one a=1 A+B - 200 1 1");
        LogRecord second = Parse(parser, "2024-03-01 00:00:08 198.51.100.23 - GET /two - C+D - 200 2 2");
        (first.Host, first.Path, first.UserAgent).Should().Be(("203.0.113.7", "/one?a=1", "A B"));
        (second.Host, second.Path, second.UserAgent).Should().Be(("198.51.100.23", "/two", "C D"));
    }

    private static LineParser Parser(string fields)
    {
        LineParser parser = LogFormat.W3c.CreateParser();
        parser.Parse(Line(fields), out _, out string? error).Should().Be(LineResult.Skipped);
        error.Should().BeNull();
        return parser;
    }

    private static LogRecord One(string fields, string line) => Parse(Parser(fields), line);

    private static LogRecord Parse(LineParser parser, string line)
    {
        parser.Parse(Line(line), out LogRecord? record, out string? error).Should().Be(LineResult.Record, error);
        return record!;
    }

    private static string? Error(LineParser parser, string line)
    {
        parser.Parse(Line(line), out _, out string? error).Should().Be(LineResult.Malformed);
        return error;
    }

    private static LogLine Line(string text) => new("u_ex.log", 1, Encoding.UTF8.GetBytes(text));
}

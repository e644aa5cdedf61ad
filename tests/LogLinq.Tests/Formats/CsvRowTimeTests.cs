using System.Text;
using LogLinq.Formats;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

// A CSV row's NCSA time is read through the day of the row before: a change of day or offset, a bad
// day after a good one, and a weak time key after a strong one must read as each row alone would.
public sealed class CsvRowTimeTests
{
    [Fact]
    public void Reads_each_rows_day_and_offset_when_they_change_and_back()
    {
        LineParser parser = Parser("time,host,status");
        Time(parser, "\"24/Feb/2008:23:59:59 +0000\",a,200").Should().Be(new DateTimeOffset(2008, 2, 24, 23, 59, 59, TimeSpan.Zero));
        Time(parser, "\"25/Feb/2008:00:00:01 +0000\",a,200").Should().Be(new DateTimeOffset(2008, 2, 25, 0, 0, 1, TimeSpan.Zero));
        Time(parser, "\"25/Feb/2008:00:00:01 -0600\",a,200").Should().Be(new DateTimeOffset(2008, 2, 25, 0, 0, 1, TimeSpan.FromHours(-6)));
        Time(parser, "\"24/Feb/2008:00:08:59 +0000\",a,200").Should().Be(new DateTimeOffset(2008, 2, 24, 0, 8, 59, TimeSpan.Zero));
        parser.Parse(Line("\"30/Feb/2008:00:08:59 +0000\",a,200"), out _, out string? error).Should().Be(LineResult.Malformed);
        error.Should().StartWith("time: expected a time");
        Time(parser, "\"24/Feb/2008:00:09:00 +0000\",a,200").Should().Be(new DateTimeOffset(2008, 2, 24, 0, 9, 0, TimeSpan.Zero));
        Time(parser, "2008-02-24T01:02:03Z,a,200").Should().Be(new DateTimeOffset(2008, 2, 24, 1, 2, 3, TimeSpan.Zero));
    }

    private static LineParser Parser(string header)
    {
        LineParser parser = LogFormat.Csv.CreateParser();
        parser.Parse(Line(header), out _, out _).Should().Be(LineResult.Skipped);
        return parser;
    }

    private static DateTimeOffset Time(LineParser parser, string row)
    {
        parser.Parse(Line(row), out LogRecord? record, out string? error).Should().Be(LineResult.Record, error);
        return record!.Time;
    }

    private static LogLine Line(string text) => new("log.csv", 1, Encoding.UTF8.GetBytes(text));
}

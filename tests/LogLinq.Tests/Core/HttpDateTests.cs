using System.Text;
using LogLinq.Formats;

namespace LogLinq.Tests.Core;

public sealed class HttpDateTests
{
    private static bool TryParse(string text, out DateTimeOffset value) => HttpDate.TryParse(Encoding.ASCII.GetBytes(text), out value);

    private static DateTimeOffset Parse(string text)
    {
        TryParse(text, out DateTimeOffset value).Should().BeTrue($"'{text}' is a valid log time");
        return value;
    }

    [Fact]
    public void The_ncsa_time_with_its_offset()
    {
        DateTimeOffset t = Parse("24/Feb/2008:00:08:59 -0600");

        t.Year.Should().Be(2008);
        t.Month.Should().Be(2);
        t.Day.Should().Be(24);
        t.Hour.Should().Be(0);
        t.Minute.Should().Be(8);
        t.Second.Should().Be(59);
        t.Millisecond.Should().Be(0);
        t.Offset.Should().Be(TimeSpan.FromHours(-6));
        t.UtcDateTime.Should().Be(new DateTime(2008, 2, 24, 6, 8, 59, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("Jan", 1)]
    [InlineData("Feb", 2)]
    [InlineData("Mar", 3)]
    [InlineData("Apr", 4)]
    [InlineData("May", 5)]
    [InlineData("Jun", 6)]
    [InlineData("Jul", 7)]
    [InlineData("Aug", 8)]
    [InlineData("Sep", 9)]
    [InlineData("Oct", 10)]
    [InlineData("Nov", 11)]
    [InlineData("Dec", 12)]
    [InlineData("jan", 1)]
    [InlineData("DEC", 12)]
    [InlineData("sEp", 9)]
    public void Months_by_name_in_any_case(string name, int month)
    {
        Parse($"01/{name}/2010:12:00:00 +0000").Month.Should().Be(month);
    }

    [Theory]
    [InlineData("Fex")]
    [InlineData("Feb.")]
    [InlineData("Fe")]
    [InlineData("02")]
    [InlineData("F3b")]
    [InlineData("Jum")]
    [InlineData("\u00c6eb")]
    public void Unknown_months_are_rejected(string name)
    {
        TryParse($"01/{name}/2010:12:00:00 +0000", out _).Should().BeFalse();
    }

    [Fact]
    public void Fractions_of_a_second()
    {
        var second = new DateTimeOffset(2008, 2, 24, 0, 8, 59, TimeSpan.FromHours(-6));
        Parse("24/Feb/2008:00:08:59.5 -0600").Should().Be(second.AddMilliseconds(500));
        Parse("24/Feb/2008:00:08:59.250 -0600").Should().Be(second.AddMilliseconds(250));
        Parse("24/Feb/2008:00:08:59.000123 -0600").Should().Be(second.AddTicks(1230));
        Parse("24/Feb/2008:00:08:59.9999999 -0600").Should().Be(second.AddTicks(9_999_999));
    }

    [Theory]
    [InlineData("+0000", 0)]
    [InlineData("-0600", -360)]
    [InlineData("+0530", 330)]
    [InlineData("-0330", -210)]
    [InlineData("+1245", 765)]
    [InlineData("+1400", 840)]
    [InlineData("-1400", -840)]
    public void Offsets(string offset, int minutes)
    {
        Parse($"24/Feb/2008:00:08:59 {offset}").Offset.Should().Be(TimeSpan.FromMinutes(minutes));
    }

    [Fact]
    public void Leap_days_and_month_lengths()
    {
        Parse("29/Feb/2008:07:52:46 -0600").Day.Should().Be(29);
        Parse("29/Feb/2000:00:00:00 +0000").Day.Should().Be(29);
        Parse("31/Dec/2008:23:59:59 +0000").Day.Should().Be(31);
        TryParse("29/Feb/2007:00:00:00 +0000", out _).Should().BeFalse();
        TryParse("29/Feb/1900:00:00:00 +0000", out _).Should().BeFalse();
        TryParse("31/Apr/2008:00:00:00 +0000", out _).Should().BeFalse();
        TryParse("31/Jun/2008:00:00:00 +0000", out _).Should().BeFalse();
        TryParse("00/Jan/2008:00:00:00 +0000", out _).Should().BeFalse();
        TryParse("32/Jan/2008:00:00:00 +0000", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("24/Feb/2008:00:08:59", 0)]
    [InlineData("24/Feb/2008 00:08:59", 0)]
    [InlineData("24/Feb/2008:00:08:59.250", 250)]
    public void A_time_without_an_offset_is_utc(string text, int milliseconds)
    {
        // Python's http.server and Werkzeug write "[24/Feb/2008 00:08:59]"; Apache's %{%d/%b/%Y:%T}t no zone.
        Parse(text).Should().Be(new DateTimeOffset(2008, 2, 24, 0, 8, 59, milliseconds, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("4/Feb/2008:00:08:59 -0600", 4, -6)]
    [InlineData("4/Feb/2008 00:08:59", 4, 0)]
    [InlineData("9/Feb/2008:00:08:59.5 +0100", 9, 1)]
    public void A_day_of_one_digit_is_read_as_its_padded_day(string text, int day, int offsetHours)
    {
        // Go's "2/Jan/2006:15:04:05 -0700" layout does not pad the day.
        DateTimeOffset t = Parse(text);

        (t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second).Should().Be((2008, 2, day, 0, 8, 59));
        t.Offset.Should().Be(TimeSpan.FromHours(offsetHours));
    }

    [Fact]
    public void A_space_after_the_day_keeps_the_offset_written()
    {
        Parse("24/Feb/2008 00:08:59 -0600").Should().Be(new DateTimeOffset(2008, 2, 24, 0, 8, 59, TimeSpan.FromHours(-6)));
    }

    [Fact]
    public void A_leap_second_is_clamped_into_the_minute()
    {
        Parse("31/Dec/2016:23:59:60 +0000").Should().Be(new DateTimeOffset(2016, 12, 31, 23, 59, 59, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("")]
    [InlineData("24/Feb/2008:00:08:59 ")]
    [InlineData("24/Feb/2008:00:08:59 -06")]
    [InlineData("24/Feb/2008:00:08:59 -06:00")]
    [InlineData("24/Feb/2008:00:08:59 0600")]
    [InlineData("24/Feb/2008:00:08:59 *0600")]
    [InlineData("24/Feb/2008:00:08:59 -0600 ")]
    [InlineData("24/Feb/2008:00:08:59  -0600")]
    [InlineData("24/Feb/2008 00:08:5")]
    [InlineData("24/Feb/2008T00:08:59")]
    [InlineData("24-Feb-2008:00:08:59 -0600")]
    [InlineData("2008-02-24T00:08:59-06:00")]
    [InlineData("/Feb/2008:00:08:59 -0600")]
    [InlineData("x4/Feb/2008:00:08:59 -0600")]
    [InlineData("4/Feb/2008:00:08:59 -06000000000000000000000000")]
    [InlineData("24/Feb/08:00:08:59 -0600")]
    [InlineData("24/Feb/0000:00:08:59 -0600")]
    [InlineData("24/Feb/2008:24:00:00 -0600")]
    [InlineData("24/Feb/2008:00:60:00 -0600")]
    [InlineData("24/Feb/2008:00:08:61 -0600")]
    [InlineData("24/Feb/2008:0a:08:59 -0600")]
    [InlineData("24/Feb/2008:00:08:59 -06a0")]
    [InlineData("24/Feb/2008:00:08:59 +1500")]
    [InlineData("24/Feb/2008:00:08:59 +0060")]
    [InlineData("24/Feb/2008:00:08:59 +9999")]
    [InlineData("24/Feb/2008:00:08:59.12x -0600")]
    public void Malformed_times_are_rejected(string text)
    {
        TryParse(text, out DateTimeOffset value).Should().BeFalse();
        value.Should().Be(default);
    }

    [Theory]
    [InlineData("24/Feb/2008:00:08:59 +1401")]
    [InlineData("24/Feb/2008:00:08:59 -1459")]
    [InlineData("01/Jan/0001:00:00:00 +0100")]
    [InlineData("01/Jan/0001:00:59:59.9999999 +0100")]
    [InlineData("31/Dec/9999:23:59:59 -0100")]
    [InlineData("31/Dec/9999:23:30:00.5 -1400")]
    public void Times_that_no_DateTimeOffset_can_hold_are_rejected_not_thrown(string text)
    {
        bool parsed = true;
        var act = () => parsed = TryParse(text, out _);

        act.Should().NotThrow();
        parsed.Should().BeFalse();
    }

    [Fact]
    public void The_extremes_that_fit_are_accepted()
    {
        Parse("01/Jan/0001:00:00:00 +0000").Should().Be(DateTimeOffset.MinValue);
        Parse("01/Jan/0001:01:00:00 +0100").UtcDateTime.Should().Be(DateTime.MinValue);
        Parse("31/Dec/9999:23:59:59.9999999 +0000").Should().Be(DateTimeOffset.MaxValue);
        Parse("31/Dec/9999:22:59:59 -0100").UtcDateTime.Should().Be(new DateTime(9999, 12, 31, 23, 59, 59));
    }

    // Lines of one log share their day and offset, so after the first a parser compares a time with the
    // last day it decoded instead of decoding it again: that comparison must be as strict as decoding.
    [Theory]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008:23:59:59 -0600", "2008-02-24T23:59:59-06:00")]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008:13:05:07 -0600", "2008-02-24T13:05:07-06:00")]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008:00:08:60 -0600", "2008-02-24T00:08:59-06:00")]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008:00:08:59 -0601", "2008-02-24T00:08:59-06:01")]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2009:00:08:59 -0600", "2009-02-24T00:08:59-06:00")]
    [InlineData("24/Feb/2008:00:08:59 -0600", "25/Feb/2008:00:08:59 -0600", "2008-02-25T00:08:59-06:00")]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008:24:00:00 -0600", null)]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008:00:60:00 -0600", null)]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008:00:08:61 -0600", null)]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008:0a:08:59 -0600", null)]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008:/0:08:59 -0600", null)]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008::0:08:59 -0600", null)]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008:00;08:59 -0600", null)]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008:00:08 59 -0600", null)]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008 00:08:59 -0600", "2008-02-24T00:08:59-06:00")]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008:00:08:59", "2008-02-24T00:08:59+00:00")]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008-00:08:59 -0600", null)]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008:00:08:59x-0600", null)]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008:00:08:59 x0600", null)]
    [InlineData("24/Feb/2008:00:08:59 -0600", "24/Feb/2008:00:08:59 -06a0", null)]
    [InlineData("01/Jan/0001:01:00:00 +0100", "01/Jan/0001:00:30:00 +0100", null)]
    [InlineData("01/Jan/0001:01:00:00 +0100", "01/Jan/0001:23:00:00 +0100", "0001-01-01T23:00:00+01:00")]
    [InlineData("31/Dec/9999:22:59:59 -0100", "31/Dec/9999:23:30:00 -0100", null)]
    [InlineData("31/Dec/9999:22:59:59 -0100", "31/Dec/9999:00:00:00 -0100", "9999-12-31T00:00:00-01:00")]
    public void A_time_after_one_of_the_same_day_is_checked_as_strictly(string before, string text, string? expected)
    {
        HttpDate.DayCache cache = default;
        HttpDate.TryParse(Encoding.ASCII.GetBytes(before), ref cache, out _, out _).Should().BeTrue();

        bool parsed = HttpDate.TryParse(Encoding.ASCII.GetBytes(text), ref cache, out long ticks, out short offset);

        parsed.Should().Be(expected is not null);
        if (expected is not null)
        {
            HttpDate.ToDateTimeOffset(ticks, offset).Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
            HttpDate.ToDateTimeOffset(ticks, offset).Offset.Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset);
        }
    }
}

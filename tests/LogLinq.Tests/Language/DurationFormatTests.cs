using LogLinq.Language;

namespace LogLinq.Tests.Language;

/// <summary>
/// The three ways a duration is written: short for people (tables), exact in the language's own
/// words (errors, explain, the REPL), and seconds for programs (CSV, TSV, JSON). Every expected text
/// is worked out by hand from the rule it tests.
/// </summary>
public sealed class DurationFormatTests
{
    private static TimeSpan Ticks(long ticks) => TimeSpan.FromTicks(ticks);

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(1L, "0.0001ms")] // one tick, 100 ns: the finest a duration has
    [InlineData(1_234L, "0.123ms")] // 0.1234 ms to three significant digits
    [InlineData(123L, "0.0123ms")]
    [InlineData(10_000L, "1ms")]
    [InlineData(12_345L, "1.23ms")] // 1.2345 ms to two decimals
    [InlineData(12_355L, "1.24ms")] // 1.2355 ms
    [InlineData(865_000L, "86.5ms")]
    [InlineData(1_100_000L, "110ms")]
    [InlineData(1_710_000L, "171ms")]
    [InlineData(9_994_000L, "999ms")] // 999.4 ms
    [InlineData(9_995_000L, "1s")] // 999.5 ms rounds to 1000 ms, which is a second
    [InlineData(15_000_000L, "1.5s")]
    [InlineData(12_345_678L, "1.23s")]
    [InlineData(415_366_667L, "41.5s")] // 41.5366667 s
    [InlineData(599_600_000L, "1m00s")] // 59.96 s rounds to 60.0 s: a minute
    [InlineData(1_230_000_000L, "2m03s")]
    [InlineData(1_234_999_999L, "2m03s")] // 123.4999999 s to the second
    [InlineData(1_235_000_000L, "2m04s")] // 123.5 s
    [InlineData(35_995_000_000L, "1h00m")] // 59 m 59.5 s rounds to 60 m 00 s: an hour
    [InlineData(37_230_000_000L, "1h02m")] // 1 h 2 m 3 s
    [InlineData(863_700_000_000L, "1d00h")] // 23 h 59.5 m rounds to 24 h 00 m: a day
    [InlineData(2_772_000_000_000L, "3d05h")] // 77 h
    [InlineData(-15_000_000L, "-1.5s")]
    public void Short_keeps_three_digits_or_two_units(long ticks, string expected) =>
        DurationFormat.Short(Ticks(ticks)).Should().Be(expected);

    [Fact]
    public void Short_copes_with_the_extremes()
    {
        // 10675199 d 2 h 48 m 5.4775807 s, to the hour; the least is one tick longer and negative.
        DurationFormat.Short(TimeSpan.MaxValue).Should().Be("10675199d03h");
        DurationFormat.Short(TimeSpan.MinValue).Should().Be("-10675199d03h");
    }

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(864_000_000_000L, "1d")]
    [InlineData(1_296_000_000_000L, "36h")]
    [InlineData(54_000_000_000L, "90m")]
    [InlineData(900_000_000L, "90s")]
    [InlineData(20_000_000L, "2s")]
    [InlineData(15_000_000L, "1.5s")]
    [InlineData(901_000_000L, "90.1s")]
    [InlineData(1_500_000L, "150ms")]
    [InlineData(865_000L, "86.5ms")]
    [InlineData(5_000L, "0.5ms")]
    [InlineData(1L, "0.0001ms")]
    [InlineData(415_366_667L, "41.5366667s")]
    [InlineData(-20_000_000L, "-2s")]
    public void Exact_is_a_literal_of_the_language_with_the_same_value(long ticks, string expected) =>
        DurationFormat.Exact(Ticks(ticks)).Should().Be(expected);

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(1L, "0.0000001")]
    [InlineData(1_710_000L, "0.171")]
    [InlineData(25_000_000L, "2.5")]
    [InlineData(1_230_000_000L, "123")]
    [InlineData(415_366_667L, "41.5366667")]
    [InlineData(-25_000_000L, "-2.5")]
    [InlineData(long.MaxValue, "922337203685.4775807")]
    [InlineData(long.MinValue, "-922337203685.4775808")]
    public void Seconds_are_exact_to_the_tick(long ticks, string expected)
    {
        DurationFormat.Seconds(Ticks(ticks)).Should().Be(expected);

        Span<char> buffer = stackalloc char[32];
        DurationFormat.TryFormatSeconds(Ticks(ticks), buffer, out int written).Should().BeTrue();
        new string(buffer[..written]).Should().Be(expected);
        DurationFormat.TryFormatSeconds(Ticks(ticks), buffer[..(expected.Length - 1)], out _).Should().BeFalse();
    }
}

using LogLinq.Formats;

namespace LogLinq.Tests.Core;

/// <summary>
/// How a log's written duration becomes ticks (100 ns), exactly, finer values rounded half away from
/// zero; the expected ticks are worked out by hand from the text.
/// </summary>
public sealed class DurationTextTests
{
    [Theory]
    [InlineData("0.012", 120_000L)]
    [InlineData("2.512", 25_120_000L)]
    [InlineData("12", 120_000_000L)]
    [InlineData("1.23456789", 12_345_679L)] // 12,345,678.9 ticks
    [InlineData("0.00000005", 1L)] // half a tick, away from zero
    [InlineData("0.00000004", 0L)]
    [InlineData("0.000000049999999999", 0L)] // 20 digits: read as a decimal
    [InlineData("922337203685", 9_223_372_036_850_000_000L)] // near the most ticks a long holds
    public void Seconds(string text, long ticks)
    {
        DurationText.TryParseSeconds(System.Text.Encoding.ASCII.GetBytes(text), out long read).Should().BeTrue();
        read.Should().Be(ticks);
    }

    [Theory]
    [InlineData("922337203686")] // a tick past a long
    [InlineData("1.2.3")]
    [InlineData("-1")]
    [InlineData(".")]
    [InlineData("")]
    public void Not_seconds(string text) =>
        DurationText.TryParseSeconds(System.Text.Encoding.ASCII.GetBytes(text), out _).Should().BeFalse();

    [Theory]
    [InlineData("350", 3_500_000L)]
    [InlineData("99999999999999", 999_999_999_999_990_000L)] // fourteen digits, the most read
    public void Milliseconds(string text, long ticks)
    {
        DurationText.TryParseMilliseconds(System.Text.Encoding.ASCII.GetBytes(text), out long read).Should().BeTrue();
        read.Should().Be(ticks);
    }

    [Theory]
    [InlineData("350ms", 3_500_000L)]
    [InlineData("2m3.5s", 1_235_000_000L)]
    [InlineData("150ns", 2L)] // 1.5 ticks
    [InlineData("149ns", 1L)]
    [InlineData("1.5ns", 0L)]
    [InlineData("12µs", 120L)]
    [InlineData("1h", 36_000_000_000L)]
    public void Go_text(string text, long ticks)
    {
        DurationText.TryParseGo(System.Text.Encoding.UTF8.GetBytes(text), out long read).Should().BeTrue();
        read.Should().Be(ticks);
    }
}

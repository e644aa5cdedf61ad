using System.Globalization;
using System.Text;
using LogLinq.Formats;

namespace LogLinq.Tests.Formats;

/// <summary>
/// <see cref="IsoTime"/> decodes the common ISO 8601 shapes itself and compares a time of the day it
/// remembers as words; neither may ever answer otherwise than <see cref="DateTimeOffset.TryParseExact(string, string[], IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>
/// with the formats it documents, called here directly as the oracle: on many generated times, valid
/// and not, each parsed cold, after a time of the same day, and in sequence as a scan parses them.
/// </summary>
public sealed class IsoTimeTests
{
    // IsoTime's definition of a time (its documented formats), for the BCL to apply.
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    // What a mutation may put in a time: its own characters, near misses and noise.
    private const string Alphabet = "0123456789-:T.Z+ tz/aA]\"\u00e9";

    [Fact]
    public void Generated_times_and_their_mutations_are_read_as_TryParseExact_reads_them()
    {
        var random = new Random(20261126);
        var sequence = default(IsoTime.DayCache);
        int valid = 0;
        int invalid = 0;
        int warmed = 0;
        for (int i = 0; i < 3_000; i++)
        {
            string time = ValidTime(random);
            Check(time, Warm(time), ref sequence, ref valid, ref invalid, ref warmed);
            foreach (string mutant in Mutants(time, random))
            {
                Check(mutant, Warm(time), ref sequence, ref valid, ref invalid, ref warmed);
            }
        }

        // The generator reaches both answers often, and the warm parse mostly had a day to compare with.
        valid.Should().BeGreaterThan(10_000);
        invalid.Should().BeGreaterThan(50_000);
        warmed.Should().BeGreaterThan(50_000);
    }

    [Theory]
    [InlineData("2008-02-24T00:08:59-06:00", 2008, 2, 24, 0, 8, 59, 0, -360)]
    [InlineData("2008-02-24T00:08:59Z", 2008, 2, 24, 0, 8, 59, 0, 0)]
    [InlineData("2008-02-24T00:08:59", 2008, 2, 24, 0, 8, 59, 0, 0)]
    [InlineData("2008-02-24T23:59:59.1+14:00", 2008, 2, 24, 23, 59, 59, 1_000_000, 840)]
    [InlineData("2008-02-24T23:59:59.12-14:00", 2008, 2, 24, 23, 59, 59, 1_200_000, -840)]
    [InlineData("2024-02-29T12:00:00.0000001+05:30", 2024, 2, 29, 12, 0, 0, 1, 330)]
    [InlineData("2000-02-29T12:00:00.9999999Z", 2000, 2, 29, 12, 0, 0, 9_999_999, 0)]
    [InlineData("2008-12-31T23:59:59.1234567-00:00", 2008, 12, 31, 23, 59, 59, 1_234_567, 0)]
    [InlineData("0001-01-01T00:00:00-01:00", 1, 1, 1, 0, 0, 0, 0, -60)]
    [InlineData("9999-12-31T23:59:59.9999999+01:00", 9999, 12, 31, 23, 59, 59, 9_999_999, 60)]
    public void Times_of_the_common_shapes(string text, int year, int month, int day, int hour, int minute, int second, long fractionTicks, short offset)
    {
        // Written out by hand: the clock as written, the fraction in ticks, the offset in minutes.
        long expected = new DateTime(year, month, day, hour, minute, second).Ticks + fractionTicks;

        // Twice with the same cache: decoded, then compared with the day it remembered.
        var cache = default(IsoTime.DayCache);
        for (int i = 0; i < 2; i++)
        {
            IsoTime.TryParse(Encoding.ASCII.GetBytes(text), ref cache, out long ticks, out short minutes).Should().BeTrue(text);
            (ticks, minutes).Should().Be((expected, offset), text);
        }
    }

    [Theory]
    [InlineData("2008-02-24T00:08:60-06:00")]
    [InlineData("2016-12-31T23:59:60Z")]
    [InlineData("2008-13-24T00:08:59Z")]
    [InlineData("2008-02-30T00:08:59Z")]
    [InlineData("2009-02-29T00:08:59Z")]
    [InlineData("1900-02-29T00:08:59Z")]
    [InlineData("2008-04-31T00:08:59Z")]
    [InlineData("2008-02-32T00:08:59Z")]
    [InlineData("2008-02-24T24:00:00Z")]
    [InlineData("2008-02-24T00:60:00Z")]
    [InlineData("2008-02-24T00:08:61Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2008-02-24T00:08:59+14:01")]
    [InlineData("2008-02-24T00:08:59+15:00")]
    [InlineData("2008-02-24T00:08:59-06:60")]
    [InlineData("2008-02-24t00:08:59Z")]
    [InlineData("2008-02-24T00:08:59z")]
    [InlineData("2008-02-24T00:08:59.12345678Z")]
    [InlineData("2008-02-24 00:08:59Z")]
    [InlineData("2008-02-24T00:08:59+06")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    public void Times_that_are_not_times_are_refused(string text)
    {
        // A leap second, a month, day, hour, minute or second out of range, a zone beyond 14 hours, a
        // lowercase t or z, eight digits of a fraction, or a time its offset moves out of range.
        var cache = default(IsoTime.DayCache);
        IsoTime.TryParse(Encoding.ASCII.GetBytes(text), ref cache, out _, out _).Should().BeFalse(text);
        cache.DayTicks.Should().Be(0, "nothing was remembered of a time refused");
    }

    [Theory]
    [InlineData("2008-02-24T00:08:59+0600", 360)]
    [InlineData("2008-02-24T00:08:59+6:00", 360)]
    [InlineData("2008-02-24T00:08:59.Z", 0)]
    [InlineData("2008-02-24T00:08:59.-06:00", -360)]
    public void The_lenient_shapes_TryParseExact_takes_are_still_taken(string text, short offset)
    {
        // Not the shapes decoded here (TryParseExact reads "+0600" and a bare "." too): unchanged.
        var cache = default(IsoTime.DayCache);
        IsoTime.TryParse(Encoding.ASCII.GetBytes(text), ref cache, out long ticks, out short minutes).Should().BeTrue(text);
        (ticks, minutes).Should().Be((new DateTime(2008, 2, 24, 0, 8, 59).Ticks, offset));
    }

    // Lines of one log share their day and zone, so after the first a parser compares a time with the
    // last day it decoded instead of decoding it again: that comparison must be as strict as decoding.
    [Theory]
    [InlineData("2008-02-24T00:08:59-06:00", "2008-02-24T23:59:59-06:00", "2008-02-24T23:59:59-06:00")]
    [InlineData("2008-02-24T00:08:59-06:00", "2008-02-24T13:05:07.5-06:00", "2008-02-24T13:05:07.5-06:00")]
    [InlineData("2008-02-24T00:08:59-06:00", "2008-02-24T00:08:60-06:00", null)]
    [InlineData("2008-02-24T00:08:59-06:00", "2008-02-24T00:08:59-06:01", "2008-02-24T00:08:59-06:01")]
    [InlineData("2008-02-24T00:08:59-06:00", "2008-02-24T00:08:59+06:00", "2008-02-24T00:08:59+06:00")]
    [InlineData("2008-02-24T00:08:59-06:00", "2008-02-24T00:08:59Z", "2008-02-24T00:08:59+00:00")]
    [InlineData("2008-02-24T00:08:59-06:00", "2008-02-24T00:08:59", "2008-02-24T00:08:59+00:00")]
    [InlineData("2008-02-24T00:08:59-06:00", "2009-02-24T00:08:59-06:00", "2009-02-24T00:08:59-06:00")]
    [InlineData("2008-02-24T00:08:59-06:00", "2008-02-25T00:08:59-06:00", "2008-02-25T00:08:59-06:00")]
    [InlineData("2008-02-24T00:08:59-06:00", "2008-02-24T24:00:00-06:00", null)]
    [InlineData("2008-02-24T00:08:59-06:00", "2008-02-24T00:60:00-06:00", null)]
    [InlineData("2008-02-24T00:08:59-06:00", "2008-02-24T0a:08:59-06:00", null)]
    [InlineData("2008-02-24T00:08:59-06:00", "2008-02-24T00;08:59-06:00", null)]
    [InlineData("2008-02-24T00:08:59-06:00", "2008-02-24t00:08:59-06:00", null)]
    [InlineData("2008-02-24T00:08:59-06:00", "2008-02-24T00:08:59.-06:00", "2008-02-24T00:08:59-06:00")]
    [InlineData("2008-02-24T00:08:59-06:00", "2008-02-24T00:08:59x-06:00", null)]
    [InlineData("2008-02-24T00:08:59-06:00", "2008-02-24T00:08:59.1a-06:00", null)]
    [InlineData("2008-02-24T00:08:59-06:00", "2008-02-24T00:08:59.12345678-06:00", null)]
    [InlineData("2008-02-24T00:08:59Z", "2008-02-24T00:08:59.1234567Z", "2008-02-24T00:08:59.1234567+00:00")]
    [InlineData("2008-02-24T00:08:59Z", "2008-02-24T00:08:59z", null)]
    [InlineData("2008-02-24T00:08:59Z", "2008-02-24T00:08:59ZZ", null)]
    [InlineData("2008-02-24T00:08:59", "2008-02-24T00:08:59.25", "2008-02-24T00:08:59.25+00:00")]
    [InlineData("2008-02-24T00:08:59", "2008-02-24T00:08:5900", null)]
    [InlineData("2008-02-24T00:08:59", "2008-02-24T00:08:59.12345678", null)]
    [InlineData("0001-01-01T01:00:00+01:00", "0001-01-01T00:30:00+01:00", null)]
    [InlineData("0001-01-01T01:00:00+01:00", "0001-01-01T23:00:00+01:00", "0001-01-01T23:00:00+01:00")]
    [InlineData("9999-12-31T22:59:59-01:00", "9999-12-31T23:30:00-01:00", null)]
    [InlineData("9999-12-31T22:59:59-01:00", "9999-12-31T00:00:00-01:00", "9999-12-31T00:00:00-01:00")]
    public void A_time_after_one_of_the_same_day_is_checked_as_strictly(string before, string text, string? expected)
    {
        var cache = default(IsoTime.DayCache);
        IsoTime.TryParse(Encoding.ASCII.GetBytes(before), ref cache, out _, out _).Should().BeTrue();

        bool parsed = IsoTime.TryParse(Encoding.ASCII.GetBytes(text), ref cache, out long ticks, out short offset);

        parsed.Should().Be(expected is not null, text);
        if (expected is not null)
        {
            // The expected clock and offset, written out: "+00:00" where the text has Z or nothing.
            var time = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);
            (ticks, offset).Should().Be((time.Ticks, (short)time.Offset.TotalMinutes), text);
        }
    }

    /// <summary>
    /// Checks one text three ways against the oracle: cold, after <paramref name="warmUp"/> (a time
    /// of its day), and with <paramref name="sequence"/>, the cache of every text before it.
    /// </summary>
    private static void Check(string text, string warmUp, ref IsoTime.DayCache sequence, ref int valid, ref int invalid, ref int warmed)
    {
        bool expected = DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset oracle);
        (bool, long, short) answer = expected ? (true, oracle.Ticks, (short)oracle.Offset.TotalMinutes) : (false, 0, 0);
        byte[] bytes = Encoding.UTF8.GetBytes(text);

        var cold = default(IsoTime.DayCache);
        Parse(bytes, ref cold).Should().Be(answer, $"'{text}' cold");

        var warm = default(IsoTime.DayCache);
        Parse(Encoding.UTF8.GetBytes(warmUp), ref warm);
        warmed += warm.DayTicks != 0 ? 1 : 0;
        Parse(bytes, ref warm).Should().Be(answer, $"'{text}' after '{warmUp}'");

        Parse(bytes, ref sequence).Should().Be(answer, $"'{text}' in sequence");
        valid += expected ? 1 : 0;
        invalid += expected ? 0 : 1;
    }

    private static (bool, long, short) Parse(byte[] text, ref IsoTime.DayCache cache) =>
        IsoTime.TryParse(text, ref cache, out long ticks, out short minutes) ? (true, ticks, minutes) : (false, 0, 0);

    /// <summary>A time of <paramref name="time"/>'s day and zone, earlier or later: what the line before would have.</summary>
    private static string Warm(string time) => time[..11] + "12:34:56" + ZoneOf(time);

    private static string ZoneOf(string time) =>
        time.EndsWith('Z') ? "Z" : time.Length >= 25 && time[^6] is '+' or '-' ? time[^6..] : "";

    /// <summary>A valid time, leaning to the edges: leap days, month ends, 23:59:59, :60, ±14:00, years 1 and 9999.</summary>
    private static string ValidTime(Random random)
    {
        int year = random.Next(6) switch
        {
            0 => random.Next(1, 10),
            1 => random.Next(9990, 10_000),
            2 => new[] { 1900, 2000, 2004, 2023, 2024, 2100 }[random.Next(6)],
            _ => random.Next(1, 10_000),
        };
        int month = random.Next(1, 13);
        int last = DateTime.DaysInMonth(year, month);
        int day = random.Next(3) == 0 ? last : random.Next(1, last + 1);
        int hour = random.Next(4) == 0 ? 23 : random.Next(24);
        int minute = random.Next(4) == 0 ? 59 : random.Next(60);
        int second = random.Next(8) switch
        {
            0 => 59,
            1 => 60,
            _ => random.Next(60),
        };
        string fraction = random.Next(3) == 0
            ? "." + string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => (char)('0' + random.Next(10))))
            : "";
        string zone = random.Next(5) switch
        {
            0 => "Z",
            1 => "",
            2 => (random.Next(2) == 0 ? "+" : "-") + "14:00",
            _ => $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(15):00}:{random.Next(60):00}",
        };
        return $"{year:0000}-{month:00}-{day:00}T{hour:00}:{minute:00}:{second:00}{fraction}{zone}";
    }

    /// <summary>
    /// <paramref name="time"/> with one byte changed at every position (to a few of the alphabet's),
    /// deleted or doubled at a random one, and its fields pushed out of range one at a time.
    /// </summary>
    private static IEnumerable<string> Mutants(string time, Random random)
    {
        for (int at = 0; at < time.Length; at++)
        {
            for (int k = 0; k < 3; k++)
            {
                yield return time[..at] + Alphabet[random.Next(Alphabet.Length)] + time[(at + 1)..];
            }
        }

        int cut = random.Next(time.Length);
        yield return time.Remove(cut, 1);
        yield return time.Insert(cut, time[cut].ToString());
        yield return time + Alphabet[random.Next(Alphabet.Length)];

        string zone = ZoneOf(time);
        string head = time[..(time.Length - zone.Length)];
        yield return time[..5] + "13" + time[7..];
        yield return time[..5] + "00" + time[7..];
        yield return time[..8] + "32" + time[10..];
        yield return time[..8] + "00" + time[10..];
        yield return time[..5] + "02-30" + time[10..];
        yield return time[..5] + "02-29" + time[10..];
        yield return time[..11] + "24" + time[13..];
        yield return time[..14] + "60" + time[16..];
        yield return time[..17] + "61" + time[19..];
        yield return time[..17] + "60" + time[19..];
        yield return time[..10] + "t" + time[11..];
        yield return head + "z";
        yield return head + "+15:00";
        yield return head + "-14:01";
        yield return head + "+0600";
        yield return head + "+06";
        yield return head + ".";
        yield return head + ".12345678" + zone;
    }
}

using System.Text;
using LogLinq.Formats;
using LogLinq.Live;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Sources;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Live;

/// <summary><see cref="LogSource.Follow(string, FollowOptions?)"/> and its variants, as a user calls them.</summary>
public sealed class FollowTests
{
    private static readonly string[] SampleLines = File.ReadLines(Path.Combine(TestPaths.Data, "access-log")).Take(5).ToArray();

    [Fact]
    public void Follow_parses_appended_lines_into_records_and_ends_when_until_is_cancelled()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log", SampleLines[..2]);
        using var stop = new CancellationTokenSource();
        var report = new ParseReport();
        var records = new List<LogRecord>();

        foreach (LogRecord record in LogSource.Follow(log, new FollowOptions { FromStart = true, Until = stop.Token, Report = report }))
        {
            records.Add(record);
            if (records.Count == 2)
            {
                File.AppendAllLines(log, ["not a log line", .. SampleLines[2..]]);
            }
            else if (records.Count == SampleLines.Length)
            {
                stop.Cancel();
            }
        }

        records.Select(r => r.ToString()).Should().Equal(SampleLines);
        records.Select(r => r.File).Should().AllBe(log);
        records.Select(r => r.LineNumber).Should().Equal(1, 2, 4, 5, 6);
        report.Records.Should().Be(5);
        report.Malformed.Should().Be(1);
    }

    [Fact]
    public void A_hole_of_zeros_that_cut_a_line_short_is_one_malformed_line_and_the_line_after_it_is_read()
    {
        // A server crashed mid-write, leaving a page of zeros after the text it had written; the
        // next lines came after the hole, with no newline between.
        using var temp = new TempDirectory();
        string log = temp.File("access-log");
        byte[] cut = Encoding.ASCII.GetBytes(SampleLines[0] + "\n" + SampleLines[1][..30]);
        byte[] after = Encoding.ASCII.GetBytes(SampleLines[2] + "\n" + SampleLines[3] + "\n");
        File.WriteAllBytes(log, [.. cut, .. new byte[4096], .. after]);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var report = new ParseReport();
        var records = new List<LogRecord>();

        foreach (LogRecord record in LogSource.Follow(log, new FollowOptions { FromStart = true, Until = stop.Token, Report = report }))
        {
            records.Add(record);
            if (records.Count == 3)
            {
                stop.Cancel();
            }
        }

        records.Select(r => r.ToString()).Should().Equal(SampleLines[0], SampleLines[2], SampleLines[3]);
        records.Select(r => r.LineNumber).Should().Equal(1, 2, 3);
        report.Samples.Should().Equal(new MalformedLine(log, 2, LineReader.CutReason));
    }

    [Fact]
    public void Cancelling_until_ends_the_sequence_normally_so_aggregates_finish()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log", SampleLines);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        int count = LogSource.Follow(log, new FollowOptions { FromStart = true, Until = stop.Token }).Count();

        count.Should().Be(SampleLines.Length);
    }

    [Fact]
    public void Strict_throws_at_the_first_malformed_line()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log", SampleLines[0], "garbage");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        Action follow = () => LogSource.Follow(log, new FollowOptions { FromStart = true, Strict = true, Format = LogFormat.Common, Until = stop.Token }).ToList();

        follow.Should().Throw<MalformedLogException>().Which.Line.LineNumber.Should().Be(2);
    }

    [Fact]
    public void An_over_long_line_is_one_malformed_line_and_the_lines_after_keep_their_numbers()
    {
        using var temp = new TempDirectory();
        byte[] huge = new byte[LineReader.MaxLineLength + 1];
        huge.AsSpan().Fill((byte)'x');
        string log = temp.Write("access-log", [.. Encoding.ASCII.GetBytes(SampleLines[0] + "\n"), .. huge, .. Encoding.ASCII.GetBytes("\n" + SampleLines[1] + "\n")]);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var report = new ParseReport();
        var records = new List<LogRecord>();

        foreach (LogRecord record in LogSource.Follow(log, new FollowOptions { FromStart = true, Until = stop.Token, Report = report }))
        {
            records.Add(record);
            if (records.Count == 2)
            {
                stop.Cancel();
            }
        }

        Action strict = () => LogSource.Follow(log, new FollowOptions { FromStart = true, Strict = true, Until = new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token }).ToList();

        records.Select(r => r.LineNumber).Should().Equal(1, 3);
        report.Samples.Should().Equal(new MalformedLine(log, 2, LineReader.OverlongReason));
        strict.Should().Throw<MalformedLogException>().Which.Line.Should().Be(new MalformedLine(log, 2, LineReader.OverlongReason));
    }

    [Fact]
    public void FollowLines_gives_lines_that_own_their_bytes()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("app.log", "one", "two", "three");
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        List<LogLine> lines = LogSource.FollowLines(log, new FollowOptions { FromStart = true, Until = stop.Token }).ToList();

        lines.Select(line => line.ToString()).Should().Equal("one", "two", "three");
        lines.Select(line => line.Location).Should().Equal($"{log}:1", $"{log}:2", $"{log}:3");
    }

    [Fact]
    public async Task FollowAsync_yields_records_as_they_are_appended()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log", SampleLines[0]);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<string>();

        await foreach (LogRecord record in LogSource.FollowAsync(log, new FollowOptions { FromStart = true, Until = stop.Token }))
        {
            seen.Add(record.ToString());
            if (seen.Count < SampleLines.Length)
            {
                await File.AppendAllLinesAsync(log, [SampleLines[seen.Count]]);
            }
            else
            {
                break;
            }
        }

        seen.Should().Equal(SampleLines);
    }

    [Fact]
    public async Task FollowAsync_ends_normally_on_until_and_throws_on_its_enumerator_token()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log", SampleLines);

        using (var until = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            int count = 0;
            await foreach (LogRecord _ in LogSource.FollowAsync(log, new FollowOptions { FromStart = true, Until = until.Token }))
            {
                count++;
            }

            count.Should().Be(SampleLines.Length);
        }

        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            Func<Task> follow = async () =>
            {
                await foreach (LogRecord _ in LogSource.FollowAsync(log).WithCancellation(cancel.Token))
                {
                }
            };

            await follow.Should().ThrowAsync<OperationCanceledException>();
        }
    }

    [Fact]
    public void Each_enumeration_follows_anew()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("access-log", SampleLines[..3]);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        IEnumerable<LogRecord> records = LogSource.Follow([log], new FollowOptions { FromStart = true, Until = stop.Token });

        records.Take(2).Count().Should().Be(2);
        records.Take(3).Count().Should().Be(3);
    }
}

using LogLinq.Language;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Language;

/// <summary>The streaming windowed summarize: a window is answered when a later one starts, the last at the end.</summary>
public sealed class TimeWindowsTests
{
    private static readonly string SampleLog = Path.Combine(TestPaths.Data, "access-log");

    [Fact]
    public void Each_window_is_answered_once_a_record_of_a_later_window_arrives()
    {
        List<LogRecord> records = LogSource.Open(SampleLog).Take(400).ToList();
        var answered = new List<(int Seen, int Count)>();
        int seen = 0;
        var windows = new TimeWindows(TimeSpan.FromHours(1), window => [[window[0].Time, window.Count]]);

        foreach (object?[] row in windows.Rows(Counting(records)))
        {
            answered.Add((seen, (int)row[1]!));
        }

        var byHour = records.GroupBy(r => r.Time.Hour).Select(g => g.Count()).ToList();
        answered.Select(a => a.Count).Should().Equal(byHour);

        // Each window but the last is answered when the first record of the next has been read, not before, not at the end.
        int end = 0;
        for (int i = 0; i < byHour.Count - 1; i++)
        {
            end += byHour[i];
            answered[i].Seen.Should().Be(end + 1);
        }

        answered[^1].Seen.Should().Be(records.Count);

        IEnumerable<LogRecord> Counting(IEnumerable<LogRecord> source)
        {
            foreach (LogRecord record in source)
            {
                seen++;
                yield return record;
            }
        }
    }

    [Fact]
    public void A_record_whose_window_has_closed_is_left_out_and_counted()
    {
        List<LogRecord> records = LogSource.Open(SampleLog).Take(400).ToList();
        LogRecord early = records[0];
        var windows = new TimeWindows(TimeSpan.FromHours(1), window => [[window.Count]]);

        long total = windows.Rows([.. records, early]).Sum(row => (int)row[0]!);

        total.Should().Be(records.Count);
        windows.Late.Should().Be(1);
    }
}

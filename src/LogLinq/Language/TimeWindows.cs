using LogLinq.Records;

namespace LogLinq.Language;

/// <summary>
/// A <c>summarize ... by bin(time, d)</c> over records that never end: the records of the current
/// window are held, and the window is answered when it closes, that is when a record of a later
/// window arrives, or when the records end. Each window is answered by the whole query run over its
/// records alone, so its rows are exactly those the query gives for that stretch of time.
/// </summary>
/// <param name="size">The width of a window, the <c>d</c> of <c>bin(time, d)</c>.</param>
/// <param name="answer">Runs the query over one window's records.</param>
internal sealed class TimeWindows(TimeSpan size, Func<IReadOnlyList<LogRecord>, IEnumerable<object?[]>> answer)
{
    /// <summary>
    /// Records that arrived after their window had closed (files followed together whose clocks are
    /// out of step), left out: their window's rows have been given already.
    /// </summary>
    public long Late { get; private set; }

    /// <summary>The rows of each window, as it closes; the last window's when <paramref name="records"/> ends.</summary>
    public IEnumerable<object?[]> Rows(IEnumerable<LogRecord> records)
    {
        List<LogRecord> held = [];
        DateTimeOffset? current = null;
        foreach (LogRecord record in records)
        {
            // Every record moves time on, even one the query's where drops: it closes windows as well.
            DateTimeOffset window = QueryFunctions.Bin(record.Time, size);
            if (current is { } open && window < open)
            {
                Late++;
                continue;
            }

            if (current is { } closing && window > closing)
            {
                foreach (object?[] row in answer(held))
                {
                    yield return row;
                }

                held = [];
            }

            current = window;
            held.Add(record);
        }

        if (held.Count > 0)
        {
            foreach (object?[] row in answer(held))
            {
                yield return row;
            }
        }
    }
}

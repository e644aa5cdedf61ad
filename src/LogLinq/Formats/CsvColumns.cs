namespace LogLinq.Formats;

/// <summary>
/// Which column of a CSV header fills each field of a record (-1 where none does), worked out once
/// for the header so that a row's fields are read from their columns' places (<see cref="CsvRow"/>)
/// rather than each value being offered to <see cref="KeyedFields"/> by its name.
/// </summary>
/// <remarks>
/// Only a header that names each field once has such a table (one column for the client, one for
/// the time, one for the duration, whichever spelling each has): where two columns name one field,
/// which one a row's record takes depends on the row (a weak spelling gives way to another, an empty
/// cell is no value), and <see cref="KeyedFields"/> decides it value by value, as for a JSON line.
/// Every log's header that names its fields is of the first kind.
/// </remarks>
internal sealed class CsvColumns
{
    private CsvColumns(int[] columnOf, JsonField time, JsonField host, JsonField duration, int[] used)
    {
        Time = columnOf[(int)time];
        TimeIsStart = time == JsonField.StartTime;
        EndTime = columnOf[(int)JsonField.EndTime];
        Host = columnOf[(int)host];
        Duration = columnOf[(int)duration];
        DurationUnit = duration;
        Status = columnOf[(int)JsonField.Status];
        Bytes = columnOf[(int)JsonField.Bytes];
        User = columnOf[(int)JsonField.User];
        Request = columnOf[(int)JsonField.Request];
        Method = columnOf[(int)JsonField.Method];
        Path = columnOf[(int)JsonField.Path];
        Protocol = columnOf[(int)JsonField.Protocol];
        Referrer = columnOf[(int)JsonField.Referrer];
        UserAgent = columnOf[(int)JsonField.UserAgent];
        VirtualHost = columnOf[(int)JsonField.VirtualHost];
        Used = used;
    }

    /// <summary>The column of the record's time: a <see cref="JsonField.Time"/> or, where <see cref="TimeIsStart"/>, a <see cref="JsonField.StartTime"/> one.</summary>
    public int Time { get; }

    /// <summary>Whether <see cref="Time"/> is when the request started, which with <see cref="EndTime"/> makes its duration.</summary>
    public bool TimeIsStart { get; }

    /// <summary>The column of when the response ended.</summary>
    public int EndTime { get; }

    /// <summary>The column of the client: a <see cref="JsonField.Host"/> or a <see cref="JsonField.ClientAddress"/> one, read without its port either way.</summary>
    public int Host { get; }

    /// <summary>The column of the duration, in <see cref="DurationUnit"/>.</summary>
    public int Duration { get; }

    /// <summary>The field of <see cref="Duration"/>'s column, which says its unit.</summary>
    public JsonField DurationUnit { get; }

    /// <summary>The column of the status.</summary>
    public int Status { get; }

    /// <summary>The column of the size.</summary>
    public int Bytes { get; }

    /// <summary>The column of the user.</summary>
    public int User { get; }

    /// <summary>The column of a whole request line, whose parts stand in for those no column of their own gives.</summary>
    public int Request { get; }

    /// <summary>The column of the method.</summary>
    public int Method { get; }

    /// <summary>The column of the path, or of an absolute URL.</summary>
    public int Path { get; }

    /// <summary>The column of the protocol.</summary>
    public int Protocol { get; }

    /// <summary>The column of the referrer.</summary>
    public int Referrer { get; }

    /// <summary>The column of the user agent.</summary>
    public int UserAgent { get; }

    /// <summary>The column of the virtual host.</summary>
    public int VirtualHost { get; }

    /// <summary>The columns that fill a field, in the header's order: the only values of a row that are read.</summary>
    public int[] Used { get; }

    /// <summary>The table of <paramref name="header"/>; null where it names a field (or a client, a time, a duration) in more than one column.</summary>
    public static CsvColumns? Of(CsvHeader header)
    {
        // A loop, not Span.Fill: Fill's generic code for int is compiled at start, unoptimised, for this alone.
        int[] columnOf = new int[Enum.GetValues<JsonField>().Length];
        for (int i = 0; i < columnOf.Length; i++)
        {
            columnOf[i] = -1;
        }
        var used = new List<int>();
        JsonField time = JsonField.Time, host = JsonField.Host, duration = JsonField.Duration;
        for (int i = 0; i < header.Count; i++)
        {
            JsonField field = header.Field(i, out _);
            if (field == JsonField.Ignored)
            {
                continue;
            }

            // One column for each kind of field: a second of the same kind is a name two columns share.
            JsonField kind = field switch
            {
                JsonField.StartTime => JsonField.Time,
                JsonField.ClientAddress => JsonField.Host,
                JsonField.DurationSeconds or JsonField.DurationMilliseconds or JsonField.DurationMicroseconds or JsonField.DurationNanoseconds => JsonField.Duration,
                _ => field,
            };
            if (columnOf[(int)kind] >= 0)
            {
                return null;
            }

            (columnOf[(int)kind], columnOf[(int)field]) = (i, i);
            used.Add(i);
            (time, host, duration) = kind switch
            {
                JsonField.Time => (field, host, duration),
                JsonField.Host => (time, field, duration),
                JsonField.Duration => (time, host, field),
                _ => (time, host, duration),
            };
        }

        return new CsvColumns(columnOf, time, host, duration, [.. used]);
    }
}

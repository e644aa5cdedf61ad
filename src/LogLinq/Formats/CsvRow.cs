using System.Runtime.CompilerServices;

namespace LogLinq.Formats;

/// <summary>
/// Reads the rows under one CSV header whose columns each fill a field of their own
/// (<see cref="CsvColumns"/>): a row's values are found as places in its copy, and each field is set
/// from its column's place, by the rules one value of its kind is read with (<see cref="KeyedValue"/>),
/// with no value offered to <see cref="KeyedFields"/> by its name. A row, and what is said of a bad
/// one, is what <see cref="KeyedFields"/> would have made of it.
/// </summary>
internal sealed class CsvRow
{
    private readonly CsvHeader _header;
    private readonly CsvColumns _columns;

    // Where each column of the row being read ends (a row without quotes), and each used column's value.
    private readonly int[] _ends;
    private readonly FieldRange[] _values;

    private CsvRow(CsvHeader header, CsvColumns columns)
    {
        (_header, _columns) = (header, columns);
        _ends = new int[header.Count];
        _values = new FieldRange[header.Count];
    }

    /// <summary>
    /// The reader of the rows under <paramref name="header"/>; null where its columns name a field twice
    /// (<see cref="CsvColumns.Of"/>), or name no time or no status (no row under it is read).
    /// </summary>
    public static CsvRow? For(CsvHeader header) =>
        header.Missing is null && CsvColumns.Of(header) is { } columns ? new CsvRow(header, columns) : null;

    /// <summary>
    /// Reads the row that is the first <paramref name="length"/> bytes of <paramref name="text"/>, a
    /// copy with 64 bytes of slack after it, into <paramref name="fields"/>, ranges of
    /// <paramref name="text"/> (its quoted values unescaped in place, a URL's parts or a protocol's
    /// "HTTP/" appended); its time through <paramref name="days"/>, the days of the rows before.
    /// </summary>
    // Per row, and its vectors keep it out of ReadyToRun's code: optimised from the first call.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public LineResult Read(ref FieldText text, int length, ref JsonTime.Days days, ref CommonLogFields fields, out string? error)
    {
        if (!Split(ref text, length, out error))
        {
            return LineResult.Malformed;
        }

        // What makes a row no record, told in the order KeyedFields tells it: a size, the time, the status.
        long bytes = 0;
        FieldRange size = Value(_columns.Bytes);
        if (size.Length > 0 && !CommonLogParser.TryParseBytes(text.Of(size), out bytes))
        {
            error = KeyedValue.NotASize(_header.Name(_columns.Bytes), text.Of(size));
            return LineResult.Malformed;
        }

        // The header names a time column and a status column, or no row is read under it.
        ReadOnlySpan<byte> timeText = text.Of(_values[_columns.Time]);
        if (!JsonTime.TryParse(timeText, ref days, out long timeTicks, out short offsetMinutes))
        {
            error = KeyedValue.NotATime(_header.Name(_columns.Time), timeText);
            return LineResult.Malformed;
        }

        ReadOnlySpan<byte> statusText = text.Of(_values[_columns.Status]);
        if (!KeyedValue.TryStatus(statusText, out int status))
        {
            error = KeyedValue.NotAStatus(_header.Name(_columns.Status), statusText);
            return LineResult.Malformed;
        }

        FieldRange dash = text.AppendByte((byte)'-');
        FieldRange method = new(0, 0), path = new(0, 0), protocol = new(0, 0);
        if (_columns.Request >= 0)
        {
            // Its parts stand in for those no column gives.
            RequestLine.Split(text, _values[_columns.Request], out method, out path, out protocol);
        }

        // An empty cell is no value: the field keeps its default, as a missing column's.
        FieldRange urlHost = FieldRange.None;
        FieldRange cell = Value(_columns.Path);
        if (cell.Length > 0)
        {
            path = KeyedValue.Path(ref text, cell, out urlHost);
        }

        cell = Value(_columns.Protocol);
        if (cell.Length > 0)
        {
            protocol = KeyedValue.Protocol(ref text, cell);
        }

        cell = Value(_columns.Host);
        FieldRange host = cell.Length > 0 ? KeyedValue.Portless(text, cell) : dash;
        fields.Set(
            host: host,
            ident: dash,
            user: Or(Value(_columns.User), dash),
            timeTicks: timeTicks,
            offsetMinutes: offsetMinutes,
            method: Or(Value(_columns.Method), method),
            path: path,
            protocol: protocol,
            status: status,
            bytes: bytes,
            referrer: Or(Value(_columns.Referrer), FieldRange.None),
            userAgent: Or(Value(_columns.UserAgent), FieldRange.None),
            virtualHost: Or(Value(_columns.VirtualHost), urlHost),
            duration: _columns.Duration < 0 && _columns.EndTime < 0 ? null : Duration(text, HttpDate.ToDateTimeOffset(timeTicks, offsetMinutes)));
        return LineResult.Record;
    }

    /// <summary>
    /// Finds each used column's value in the row: from the delimiters alone where the row holds no
    /// quote (nearly every row), else value by value, quotes and all (<see cref="CsvValues"/>). False,
    /// with the reason, for a row whose quotes are wrong or whose values are more or fewer than the
    /// header's columns.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Split(ref FieldText text, int length, out string? error)
    {
        error = null;
        int count = FieldEnds.SplitUnless(text.Buffer, length, _ends, _header.Delimiter, (byte)'"');
        if (count >= 0)
        {
            if (count == _ends.Length)
            {
                foreach (int column in _columns.Used)
                {
                    int start = column == 0 ? 0 : _ends[column - 1] + 1;
                    _values[column] = new FieldRange(start, _ends[column] - start);
                }

                return true;
            }
        }
        else if (!Quoted(ref text, length, out count, out error))
        {
            return false;
        }

        if (count != _ends.Length)
        {
            error = WrongCount(count);
            return false;
        }

        return true;
    }

    // For bad rows alone: not inlined, it keeps the per-row code small.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private string WrongCount(int count) =>
        $"expected {_header.Count} values, one for each column the header names ({_header.Quoted}), found {count}";

    /// <summary>The values of a row that holds a quote, each <c>""</c> made one quote in place.</summary>
    private bool Quoted(ref FieldText text, int length, out int count, out string? error)
    {
        error = null;
        count = 0;
        var values = new CsvValues(text.Buffer, length, _header.Delimiter);
        while (values.Next(out FieldRange raw, out bool escaped))
        {
            if (values.Fault is { } fault)
            {
                error = $"{_header.Describe(count)}: {fault}";
                return false;
            }

            if (count < _values.Length)
            {
                _values[count] = escaped ? new FieldRange(raw.Start, CsvValues.Unescape(text.Of(raw), text.Edit(raw)).Length) : raw;
            }

            count++;
        }

        return true;
    }

    /// <summary>
    /// How long the request took: its duration column's value in that column's unit, else from its
    /// start to its end where the row gives both, in that order; null where neither is read.
    /// </summary>
    private TimeSpan? Duration(in FieldText text, DateTimeOffset time)
    {
        FieldRange cell = Value(_columns.Duration);
        if (cell.Length > 0 && KeyedValue.TryDuration(_columns.DurationUnit, text.Of(cell), isText: true, out long ticks))
        {
            return TimeSpan.FromTicks(ticks);
        }

        cell = Value(_columns.EndTime);
        return _columns.TimeIsStart && cell.Length > 0 && JsonTime.TryParse(text.Of(cell), out DateTimeOffset end) && end >= time ? end - time : null;
    }

    /// <summary>The value of <paramref name="column"/>; <see cref="FieldRange.None"/> where the header has no such column (-1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private FieldRange Value(int column) => column < 0 ? FieldRange.None : _values[column];

    /// <summary>The cell at <paramref name="value"/> where it holds anything, else <paramref name="otherwise"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldRange Or(FieldRange value, FieldRange otherwise) => value.Length > 0 ? value : otherwise;
}

using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// Parses one file of a CSV log: delimited rows under a header row that names the columns, as Google
/// Cloud Storage writes its usage logs, Cloudflare's Logpush its CSV, and a spreadsheet or a BigQuery
/// export theirs. The first line that is not blank is the header (<see cref="CsvHeader"/>), kept from
/// line to line as W3C's <c>#Fields:</c> is; each row's values go, by their columns' names, into
/// <see cref="KeyedFields"/>, as JSON's and logfmt's do, so a row needs what a JSON line needs (a time
/// and a status) and a bad one is told the same way.
/// </summary>
/// <remarks>
/// Not a <see cref="KeyedLineParser"/>, though it reads as one: a row that is no record may be a
/// second file's header, where files were joined, and only the whole row's reading tells; a row that
/// is a record, every row but those, is not looked at twice.
/// </remarks>
internal sealed class CsvLineParser : CopyingLineParser
{
    // A quoted value with "" in it is unescaped here when it fits.
    private const int StackBytes = 256;

    private CsvHeader? _header;

    // The day of the last NCSA time a row gave, kept from row to row as an NCSA parser keeps it.
    private HttpDate.DayCache _day;

    /// <summary>The header row in force.</summary>
    internal override HeaderLines? Headers => _header is null ? null : new HeaderLines([_header.Text], 1);

    public override LineResult ParseFields(in LogLine line, ref CommonLogFields fields, out ArraySegment<byte> text, out string? error)
    {
        text = default;
        error = null;
        ReadOnlySpan<byte> bytes = line.Bytes.Span[LineNoise.Length(line.Bytes.Span)..];
        if (IsBlank(bytes))
        {
            return LineResult.Skipped;
        }

        if (_header is null)
        {
            _header = CsvHeader.Read(bytes);
            return LineResult.Skipped;
        }

        var found = new KeyedFields(StartLine());
        LineResult result = Read(bytes, _header, ref found, ref _day, out error);
        if (result == LineResult.Record)
        {
            result = found.ToFields(ref fields, out error);
        }

        text = EndLine(found.Text);
        if (result == LineResult.Malformed && _header.IsReplacedBy(bytes))
        {
            _header = CsvHeader.Read(bytes);
            error = null;
            return LineResult.Skipped;
        }

        return result;
    }

    /// <summary>
    /// Reads the row's values into <paramref name="found"/> by the columns of <paramref name="header"/>:
    /// <see cref="LineResult.Record"/> when the row has a value for each column and none of them makes
    /// it no record (a size that is not one); whether it has a time and a status is
    /// <paramref name="found"/>'s to say.
    /// </summary>
    private static LineResult Read(ReadOnlySpan<byte> row, CsvHeader header, ref KeyedFields found, ref HttpDate.DayCache day, out string? error)
    {
        if (header.Missing is { } missing)
        {
            error = missing;
            return LineResult.Malformed;
        }

        Span<byte> scratch = stackalloc byte[StackBytes];
        string? valueError = null;
        int count = 0;
        var values = new CsvValues(row, header.Delimiter);
        while (values.Next(out FieldRange raw, out bool escaped))
        {
            if (values.Fault is { } fault)
            {
                error = $"{header.Describe(count)}: {fault}";
                return LineResult.Malformed;
            }

            // The values past the header's columns are only counted, for the message.
            if (count < header.Count && valueError is null)
            {
                JsonField field = header.Field(count, out bool weak);
                ReadOnlySpan<byte> value = escaped ? CsvValues.Unescape(raw.Of(row), scratch) : raw.Of(row);
                if (field == JsonField.Request)
                {
                    found.TakeRequest(value);
                }
                else if (field == JsonField.Time && HttpDate.TryParse(value, ref day, out long ticks, out short offsetMinutes))
                {
                    // What the JSON time reading makes of an NCSA time, which it tries first, read through the day of the row before.
                    found.TakeTime(HttpDate.ToDateTimeOffset(ticks, offsetMinutes), weak);
                }
                else if (field != JsonField.Ignored && (!value.IsEmpty || Required(field)))
                {
                    found.Take(field, weak, value, isText: true, header.Name(count), out valueError);
                }
            }

            count++;
        }

        if (count != header.Count)
        {
            error = $"expected {header.Count} values, one for each column the header names ({header.Quoted}), found {count}";
            return LineResult.Malformed;
        }

        error = valueError;
        return valueError is null ? LineResult.Record : LineResult.Malformed;
    }

    // An empty cell is no value, as a spreadsheet leaves one: no size is 0 bytes, no referrer none. A
    // row's time and status are what make it a record, so an empty one is told as unusable, by its column.
    private static bool Required(JsonField field) => CsvFieldNames.IsTime(field) || field == JsonField.Status;
}

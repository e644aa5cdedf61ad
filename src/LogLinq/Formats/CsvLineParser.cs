using System.Runtime.CompilerServices;
using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// Parses one file of a CSV log: delimited rows under a header row that names the columns, as Google
/// Cloud Storage writes its usage logs, Cloudflare's Logpush its CSV, and a spreadsheet or a BigQuery
/// export theirs. The first line that is not blank is the header (<see cref="CsvHeader"/>), kept from
/// line to line as W3C's <c>#Fields:</c> is. Its columns are named as JSON's keys are, so a row needs
/// what a JSON line needs (a time and a status) and a bad one is told the same way: where each field
/// has one column (every log's header), a row's fields are read from their columns' places
/// (<see cref="CsvRow"/>); where a field has two, each value goes by its column's name into
/// <see cref="KeyedFields"/>, whose rules say which one the record takes, as for a JSON line.
/// </summary>
/// <remarks>
/// Not a <see cref="KeyedLineParser"/>, though it reads as one: a row that is no record may be a
/// second file's header, where files were joined, and only the whole row's reading tells; a row that
/// is a record, every row but those, is not looked at twice.
/// </remarks>
internal sealed class CsvLineParser : CopyingLineParser
{
    private CsvHeader? _header;

    // How the header's rows are read by its column table; null where it names a field twice, whose
    // rows go value by value through KeyedFields.
    private CsvRow? _row;

    // The day of the last time a row gave, kept from row to row as an NCSA parser keeps it.
    private JsonTime.Days _days;

    /// <summary>The header row in force.</summary>
    internal override HeaderLines? Headers => _header is null ? null : new HeaderLines([_header.Text], 1);

    // Per line: optimised from the first call (see FileScan.TryRow).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            ReadHeader(bytes);
            return LineResult.Skipped;
        }

        LineResult result;
        if (_header.Missing is { } missing)
        {
            error = missing;
            result = LineResult.Malformed;
        }
        else
        {
            // The row is copied once, with a vector's slack for its delimiters' masks; its values are
            // ranges of the copy, unescaped there in place, and only what is not a value as it stands
            // (a URL's parts, a protocol's "HTTP/") is appended after it.
            FieldText copy = StartLine();
            FieldRange row = copy.AppendWithSlack(bytes, 64);
            if (_row is not null)
            {
                result = _row.Read(ref copy, row.Length, ref _days, ref fields, out error);
            }
            else
            {
                var found = new KeyedFields(copy);
                result = ReadByName(copy.Buffer, row.Length, _header, ref found, ref _days, out error);
                if (result == LineResult.Record)
                {
                    result = found.ToFields(ref fields, out error);
                }

                copy = found.Text;
            }

            text = EndLine(copy);
        }

        if (result == LineResult.Malformed && _header.IsReplacedBy(bytes))
        {
            ReadHeader(bytes);
            error = null;
            return LineResult.Skipped;
        }

        return result;
    }

    private void ReadHeader(ReadOnlySpan<byte> line)
    {
        _header = CsvHeader.Read(line);
        _row = CsvRow.For(_header);
    }

    /// <summary>
    /// Reads the row's values into <paramref name="found"/> by the columns of <paramref name="header"/>:
    /// <see cref="LineResult.Record"/> when the row has a value for each column and none of them makes
    /// it no record (a size that is not one); whether it has a time and a status is
    /// <paramref name="found"/>'s to say.
    /// </summary>
    /// <remarks>
    /// The row is the first <paramref name="length"/> bytes of <paramref name="padded"/>, which is
    /// <paramref name="found"/>'s text as it stood before the row's values were taken; a value taken
    /// may grow that text into a new buffer, so a value is read from the text as it stands when taken.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static LineResult ReadByName(byte[] padded, int length, CsvHeader header, ref KeyedFields found, ref JsonTime.Days days, out string? error)
    {
        string? valueError = null;
        int count = 0;
        var values = new CsvValues(padded, length, header.Delimiter);
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
                FieldRange value = escaped ? Unescape(found.Text, raw) : raw;
                if (field == JsonField.Time && JsonTime.TryParse(found.Text.Of(value), ref days, out DateTimeOffset time))
                {
                    // Read as Take reads a time, through the day of the row before (a time it cannot read, Take tells).
                    found.TakeTime(time, weak);
                }
                else if (field != JsonField.Ignored && (value.Length != 0 || Required(field) || field == JsonField.Request))
                {
                    found.TakeCopied(field, weak, value, header.Name(count), out valueError);
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

    /// <summary>The quoted value at <paramref name="quoted"/> of the row's copy, its <c>""</c> made one quote in place.</summary>
    private static FieldRange Unescape(in FieldText text, FieldRange quoted) =>
        new(quoted.Start, CsvValues.Unescape(text.Of(quoted), text.Edit(quoted)).Length);

    // An empty cell is no value, as a spreadsheet leaves one: no size is 0 bytes, no referrer none. A
    // row's time and status are what make it a record, so an empty one is told as unusable, by its column.
    private static bool Required(JsonField field) => CsvFieldNames.IsTime(field) || field == JsonField.Status;
}

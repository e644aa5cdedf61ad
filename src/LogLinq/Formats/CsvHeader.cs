using System.Text;

namespace LogLinq.Formats;

/// <summary>
/// The header row of a CSV log: the delimiter its rows use (a tab if the header holds one, a comma
/// otherwise), the names of its columns and the field each fills (<see cref="CsvFieldNames"/>; a
/// column of no field's name is passed over), read once for the rows after it.
/// </summary>
internal sealed class CsvHeader
{
    private readonly byte[] _text;
    private readonly byte[][] _names;
    private readonly JsonField[] _fields;
    private readonly bool[] _weak;

    private CsvHeader(byte[] text, byte delimiter, byte[][] names, JsonField[] fields, bool[] weak)
    {
        (_text, Delimiter, _names, _fields, _weak) = (text, delimiter, names, fields, weak);
        Missing = MissingColumns();
    }

    /// <summary>The header row as written: what a range of the file after it is to be read with.</summary>
    public byte[] Text => _text;

    /// <summary>The header row for a message (not its line: a range of the file counts its lines from its own start).</summary>
    public string Quoted => ErrorText.Quote(_text);

    /// <summary>What separates the values of a row.</summary>
    public byte Delimiter { get; }

    /// <summary>How many columns the header names: how many values each row has.</summary>
    public int Count => _names.Length;

    /// <summary>
    /// Why no row under this header can be a record, said once for them all: it names no column a
    /// time or a status is read from. Null when it names both.
    /// </summary>
    public string? Missing { get; }

    /// <summary>Reads the header <paramref name="line"/> (without its noise).</summary>
    public static CsvHeader Read(ReadOnlySpan<byte> line)
    {
        byte delimiter = DelimiterOf(line);
        var names = new List<byte[]>();
        var values = new CsvValues(line, delimiter);
        while (values.Next(out FieldRange raw, out bool escaped))
        {
            // A name is read as far as it goes: a header has no values to lose by it.
            names.Add(Name(raw.Of(line), escaped).ToArray());
        }

        var fields = new JsonField[names.Count];
        bool[] weak = new bool[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            fields[i] = CsvFieldNames.Lookup(names[i], out weak[i]);
        }

        return new CsvHeader(line.ToArray(), delimiter, [.. names], fields, weak);
    }

    /// <summary>
    /// Whether <paramref name="line"/> is a header a CSV log may start with: values separated by a comma
    /// or a tab, among them the name of a column a time is read from and of one a status is.
    /// </summary>
    public static bool Looks(ReadOnlySpan<byte> line) => Names(line, out bool time, out bool status, out _) && time && status;

    /// <summary>
    /// Whether <paramref name="line"/>, which is not a record under this header, is a header itself: a
    /// second file's, where files were joined (<c>cat a.csv b.csv</c>). So it is when it is this header
    /// again, when it could start a file as one (<see cref="Looks"/>), or when its values, two or more,
    /// are all names of fields. No row is such: a record's time and status are no names.
    /// </summary>
    public bool IsReplacedBy(ReadOnlySpan<byte> line) =>
        line.SequenceEqual(_text) || (Names(line, out bool time, out bool status, out bool allNames) && ((time && status) || allNames));

    /// <summary>The field the column at <paramref name="index"/> fills, and whether its name is a weak spelling of it.</summary>
    public JsonField Field(int index, out bool weak)
    {
        weak = _weak[index];
        return _fields[index];
    }

    /// <summary>The name of the column at <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Name(int index) => _names[index];

    /// <summary>The name of the column at <paramref name="index"/> for a message: quoted, or "beyond the header's columns".</summary>
    public string Describe(int index) =>
        index < _names.Length ? $"column {index + 1} ({ErrorText.Quote(_names[index])})" : $"column {index + 1}, beyond the header's {_names.Length}";

    /// <summary>
    /// Reads <paramref name="line"/> as a header's names, unquoted, between commas or tabs: whether it
    /// holds a delimiter and no quote, and whether among its names are a time's and a status's, and
    /// whether all of them are names of fields.
    /// </summary>
    private static bool Names(ReadOnlySpan<byte> line, out bool time, out bool status, out bool allNames)
    {
        (time, status, allNames) = (false, false, true);
        byte delimiter = DelimiterOf(line);
        if (!line.Contains(delimiter))
        {
            return false;
        }

        var values = new CsvValues(line, delimiter);
        while (values.Next(out FieldRange raw, out bool escaped))
        {
            if (values.Fault is not null || escaped)
            {
                return false;
            }

            JsonField field = CsvFieldNames.Lookup(raw.Of(line).Trim((byte)' '), out _);
            time |= CsvFieldNames.IsTime(field);
            status |= field == JsonField.Status;
            allNames &= field != JsonField.Ignored;
        }

        return true;
    }

    private static byte DelimiterOf(ReadOnlySpan<byte> line) => line.Contains((byte)'\t') ? (byte)'\t' : (byte)',';

    // Spreadsheets and hand-written headers put a space after each comma ("time, status"); a name never holds one at its ends.
    private static ReadOnlySpan<byte> Name(ReadOnlySpan<byte> raw, bool escaped) =>
        (escaped ? CsvValues.Unescape(raw, new byte[raw.Length]) : raw).Trim((byte)' ');

    private string? MissingColumns()
    {
        bool time = false, status = false;
        foreach (JsonField field in _fields)
        {
            time |= CsvFieldNames.IsTime(field);
            status |= field == JsonField.Status;
        }

        if (time && status)
        {
            return null;
        }

        string missing = (time, status) switch
        {
            (false, false) => "no time column and no status column",
            (false, _) => "no time column",
            _ => "no status column",
        };
        string names = string.Join(", ", _names.Select(name => Encoding.UTF8.GetString(name)));
        string wanted = (time, status) switch
        {
            (false, false) => $"a time is read from a column named {CsvFieldNames.TimeNames}; a status from one named {CsvFieldNames.StatusNames}",
            (false, _) => $"a time is read from a column named {CsvFieldNames.TimeNames}",
            _ => $"a status is read from a column named {CsvFieldNames.StatusNames}",
        };
        return $"the header has {missing}: its columns are {names}; {wanted}";
    }
}

using System.Runtime.CompilerServices;
using System.Text;
using LogLinq.Query.Planning;

namespace LogLinq.Query.Execution;

/// <summary>
/// A text field. Aggregates that key on it (distinct, group by) use <see cref="TryGetRaw"/> to look
/// the bytes up without making a string for every line.
/// </summary>
internal sealed class TextFieldValue(LogField field) : RowValue<string?>
{
    public LogField Field { get; } = field;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override string? Get(ref Row row)
    {
        if (!row.IsRaw || Field == LogField.File)
        {
            return Field == LogField.File ? row.File : RowFields.Text(row.Record, Field);
        }

        return RowFields.RawIsNull(ref row, Field) ? null : Encoding.UTF8.GetString(RowFields.RawText(ref row, Field));
    }

    /// <summary>The field's bytes when the row is raw and the field present.</summary>
    public bool TryGetRaw(ref Row row, out ReadOnlySpan<byte> bytes)
    {
        if (row.IsRaw && Field != LogField.File && !RowFields.RawIsNull(ref row, Field))
        {
            bytes = RowFields.RawText(ref row, Field);
            return true;
        }

        bytes = default;
        return false;
    }

    public override string ToString() => RowFields.Name(Field);
}

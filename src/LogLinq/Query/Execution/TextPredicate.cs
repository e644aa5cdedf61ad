using System.Runtime.CompilerServices;
using System.Text;
using LogLinq.Query.Planning;

namespace LogLinq.Query.Execution;

/// <summary>
/// A text field matched against a constant, ordinally. On a raw row the constant's UTF-8 bytes are
/// compared with the field's bytes, which for valid UTF-8 is the same as comparing the strings.
/// </summary>
internal sealed class TextPredicate : RowPredicate
{
    private readonly LogField _field;
    private readonly TextMatch _match;
    private readonly string? _value;
    private readonly byte[]? _bytes;

    public TextPredicate(LogField field, TextMatch match, string? value)
    {
        _field = field;
        _match = match;
        _value = value;
        _bytes = value is null ? null : Encoding.UTF8.GetBytes(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool Test(ref Row row)
    {
        if (!row.IsRaw)
        {
            return TestText(RowFields.Text(row.Record, _field));
        }

        if (RowFields.RawIsNull(ref row, _field))
        {
            return TestText(null);
        }

        if (_bytes is null)
        {
            // A present field is never null.
            return _match == TextMatch.NotEquals;
        }

        ReadOnlySpan<byte> text = RowFields.RawText(ref row, _field);
        return _match switch
        {
            TextMatch.Equals => text.SequenceEqual(_bytes),
            TextMatch.NotEquals => !text.SequenceEqual(_bytes),
            TextMatch.StartsWith => text.StartsWith(_bytes),
            TextMatch.EndsWith => text.EndsWith(_bytes),
            _ => text.IndexOf(_bytes) >= 0,
        };
    }

    private bool TestText(string? text) => _match switch
    {
        TextMatch.Equals => string.Equals(text, _value, StringComparison.Ordinal),
        TextMatch.NotEquals => !string.Equals(text, _value, StringComparison.Ordinal),

        // Calling a method on a null field throws in C#, and must here too, so that the result does
        // not depend on whether the planner translated the call.
        TextMatch.StartsWith => text!.StartsWith(_value!, StringComparison.Ordinal),
        TextMatch.EndsWith => text!.EndsWith(_value!, StringComparison.Ordinal),
        _ => text!.Contains(_value!, StringComparison.Ordinal),
    };

    public override byte[]? RequiredLiteral =>
        _match is TextMatch.NotEquals || _bytes is null || _bytes.Length == 0 ? null : _bytes;

    public override string ToString()
    {
        string name = RowFields.Name(_field);
        string value = _value is null ? "null" : $"\"{_value}\"";
        return _match switch
        {
            TextMatch.Equals => $"{name} == {value}",
            TextMatch.NotEquals => $"{name} != {value}",
            TextMatch.StartsWith => $"{name}.StartsWith({value})",
            TextMatch.EndsWith => $"{name}.EndsWith({value})",
            _ => $"{name}.Contains({value})",
        };
    }
}

using System.Collections;
using System.Globalization;
using System.Text;

namespace LogLinq.Records;

/// <summary>
/// One record of a custom format: named fields, each holding a typed value (or null where the field
/// did not take part in the match). Records from one <see cref="Formats.FieldMap"/> share their field
/// names, so a record costs its values and little more.
/// </summary>
public sealed class GenericRecord : IReadOnlyDictionary<string, object?>
{
    private readonly Layout _layout;
    private readonly object?[] _values;

    /// <summary>Creates a record from name/value pairs, in the order given.</summary>
    /// <exception cref="ArgumentException">Two fields have the same name.</exception>
    public GenericRecord(IEnumerable<KeyValuePair<string, object?>> fields, string file = "", long lineNumber = 0)
    {
        ArgumentNullException.ThrowIfNull(fields);
        KeyValuePair<string, object?>[] pairs = [.. fields];
        _layout = new Layout([.. pairs.Select(p => p.Key)]);
        _values = [.. pairs.Select(p => p.Value)];
        File = file;
        LineNumber = lineNumber;
    }

    internal GenericRecord(Layout layout, object?[] values, string file, long lineNumber)
    {
        _layout = layout;
        _values = values;
        File = file;
        LineNumber = lineNumber;
    }

    /// <summary>The file the record was read from.</summary>
    public string File { get; }

    /// <summary>The 1-based line number of the record in <see cref="File"/>.</summary>
    public long LineNumber { get; }

    /// <summary>The number of fields.</summary>
    public int Count => _values.Length;

    /// <summary>The field names, in the order the pattern declares them.</summary>
    public IEnumerable<string> Keys => _layout.Names;

    /// <summary>The values, in the order of <see cref="Keys"/>.</summary>
    public IEnumerable<object?> Values => _values;

    /// <summary>The value of the field called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No field has that name; the message lists those that do.</exception>
    public object? this[string name] => _values[IndexOf(name)];

    /// <summary>The value of the field called <paramref name="name"/>, as a <typeparamref name="T"/>.</summary>
    /// <exception cref="KeyNotFoundException">No field has that name.</exception>
    /// <exception cref="InvalidCastException">
    /// The value is of another type, or is null and <typeparamref name="T"/> cannot hold null.
    /// </exception>
    public T Get<T>(string name)
    {
        object? value = _values[IndexOf(name)];
        if (value is T typed)
        {
            return typed;
        }

        if (value is null)
        {
            return default(T) is null
                ? default!
                : throw new InvalidCastException($"field '{name}' has no value; read it as {TypeName(typeof(T))}? instead");
        }

        throw new InvalidCastException($"field '{name}' holds {TypeName(value.GetType())}, not {TypeName(typeof(T))}");
    }

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _layout.Index.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, out object? value)
    {
        if (_layout.Index.TryGetValue(key, out int index))
        {
            value = _values[index];
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (int i = 0; i < _values.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(_layout.Names[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The fields as <c>name=value</c> pairs, values in the invariant culture; a string that is empty or
    /// holds spaces, quotes or '=' is double-quoted, a missing value is written <c>null</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (int i = 0; i < _values.Length; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(_layout.Names[i]).Append('=');
            switch (_values[i])
            {
                case null:
                    text.Append("null");
                    break;
                case string s when s.Length == 0 || s.AsSpan().IndexOfAny(" \t\"=") >= 0:
                    text.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                    break;
                case IFormattable formattable:
                    text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                    break;
                case object other:
                    text.Append(other);
                    break;
            }
        }

        return text.ToString();
    }

    private static string TypeName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } underlying ? underlying.Name + "?" : type.Name;

    private int IndexOf(string name) =>
        _layout.Index.TryGetValue(name, out int index)
            ? index
            : throw new KeyNotFoundException($"no field '{name}' (fields: {string.Join(", ", _layout.Names)})");

    /// <summary>The field names of a family of records, and where each one's value is.</summary>
    internal sealed class Layout
    {
        /// <exception cref="ArgumentException">Two fields have the same name.</exception>
        public Layout(string[] names)
        {
            Names = names;
            Index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
            for (int i = 0; i < names.Length; i++)
            {
                if (!Index.TryAdd(names[i], i))
                {
                    throw new ArgumentException($"field '{names[i]}' is named twice", nameof(names));
                }
            }
        }

        public string[] Names { get; }

        public Dictionary<string, int> Index { get; }
    }
}

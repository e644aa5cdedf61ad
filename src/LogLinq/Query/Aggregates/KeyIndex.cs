using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using LogLinq.Query.Execution;

// Keys may be of a nullable type; the null key is kept apart from the dictionary, never put in it.
#pragma warning disable CS8714

namespace LogLinq.Query.Aggregates;

/// <summary>
/// A map from keys to per-key state that remembers the order keys first appeared in (each key has a
/// position, 0 for the first) and allows a null key, as <c>Distinct</c> and <c>GroupBy</c> do. Text
/// fields are kept as UTF-8 in a <see cref="Utf8KeyTable"/>, found from a raw row's bytes: no string
/// is made for a key until a result asks for it.
/// </summary>
internal sealed class KeyIndex<TKey, TState>
{
    private readonly RowValue<TKey> _key;
    private readonly List<TState> _states = [];
    private int _nullPosition = -1;

    // Text keys: their bytes, numbered in order; the null key, if any, has a position but no number.
    private readonly TextFieldValue? _text;
    private readonly Utf8KeyTable? _table;
    private byte[] _lastKey = new byte[256];
    private int _lastLength = -1;
    private int _lastPosition;

    // Any other keys: their positions, and the keys by position (the null key among them); the
    // last key found, and its position (-1 before the first).
    private readonly Dictionary<TKey, int> _positions = [];
    private readonly List<TKey?> _keys = [];
    private TKey? _lastValue;
    private int _lastValuePosition = -1;

    // Small whole-number keys (a status, an hour, a port): each one's position + 1, by value, so that
    // neither a hash nor a comparison whose outcome changes from line to line is needed.
    private const int SmallKeys = 1024;
    private int[]? _smallPositions;

    public KeyIndex(RowValue<TKey> key)
    {
        _key = key;
        if (key is TextFieldValue text && typeof(TKey) == typeof(string))
        {
            (_text, _table) = (text, new Utf8KeyTable());
        }
    }

    /// <summary>How many keys there are.</summary>
    public int Count => _states.Count;

    /// <summary>The keys in order of first appearance, text keys made strings now.</summary>
    public List<TKey?> Keys => [.. Enumerable.Range(0, Count).Select(KeyAt)];

    /// <summary>The key at <paramref name="position"/>.</summary>
    public TKey? KeyAt(int position) =>
        position == _nullPosition ? default
        : _table is null ? _keys[position]
        : (TKey)(object)_table.String(Id(position));

    /// <summary>The state of the key at <paramref name="position"/>.</summary>
    public TState StateAt(int position) => _states[position];

    /// <summary>The state for the row's key, made by <paramref name="create"/> when the key is new.</summary>
    public TState FindOrAdd(ref Row row, Func<TState> create)
    {
        if (_table is null)
        {
            return FindOrAdd(_key.Get(ref row), create);
        }

        if (_text!.TryGetRaw(ref row, out ReadOnlySpan<byte> bytes))
        {
            return _states[FindOrAddText(bytes, create)];
        }

        // A record's text (a JSON or W3C line): the same table, so that its keys meet a raw row's.
        return _key.Get(ref row) is string text ? _states[FindOrAddText(Encoding.UTF8.GetBytes(text), create)] : NullState(create);
    }

    /// <summary>
    /// The state for the key at <paramref name="position"/> in <paramref name="other"/> (a later part's
    /// index, merged into this one), made by <paramref name="create"/> when the key is new here.
    /// </summary>
    public TState FindOrAddFrom(KeyIndex<TKey, TState> other, int position, Func<TState> create) =>
        position == other._nullPosition ? NullState(create)
        : _table is null ? FindOrAdd(other._keys[position], create)
        : _states[FindOrAddText(other._table![other.Id(position)], create)];

    private TState FindOrAdd(TKey? key, Func<TState> create)
    {
        if (key is null)
        {
            return NullState(create);
        }

        if (typeof(TKey) == typeof(int) && (uint)Unsafe.As<TKey, int>(ref key) < SmallKeys)
        {
            _smallPositions ??= new int[SmallKeys];
            ref int slot = ref _smallPositions[Unsafe.As<TKey, int>(ref key)];
            if (slot == 0)
            {
                _states.Add(create());
                _keys.Add(key);
                slot = _states.Count;
            }

            return _states[slot - 1];
        }

        // As for text keys: most lines share their status with the line before, and a time window
        // holds many lines in a row, so the last key is compared before anything is hashed.
        if (_lastValuePosition >= 0 && EqualityComparer<TKey>.Default.Equals(key, _lastValue!))
        {
            return _states[_lastValuePosition];
        }

        ref int position = ref CollectionsMarshal.GetValueRefOrAddDefault(_positions, key, out bool exists);
        if (!exists)
        {
            position = _states.Count;
            _states.Add(create());
            _keys.Add(key);
        }

        (_lastValue, _lastValuePosition) = (key, position);
        return _states[position];
    }

    private TState NullState(Func<TState> create)
    {
        if (_nullPosition < 0)
        {
            _nullPosition = _states.Count;
            _states.Add(create());
            if (_table is null)
            {
                _keys.Add(default);
            }
        }

        return _states[_nullPosition];
    }

    /// <summary>The position of a text key, added with <paramref name="create"/>'s state if new.</summary>
    private int FindOrAddText(ReadOnlySpan<byte> bytes, Func<TState> create)
    {
        // Consecutive lines often share a key (a client fetches a page, then what the page links):
        // the last key found is compared as bytes before anything is hashed.
        if (_lastLength >= 0 && bytes.SequenceEqual(_lastKey.AsSpan(0, _lastLength)))
        {
            return _lastPosition;
        }

        int id = _table!.FindOrAdd(bytes, out bool added);
        if (added)
        {
            _states.Add(create());
        }

        if (_lastKey.Length < bytes.Length)
        {
            _lastKey = new byte[bytes.Length];
        }

        bytes.CopyTo(_lastKey);
        (_lastLength, _lastPosition) = (bytes.Length, Position(id));
        return _lastPosition;
    }

    // Text keys are numbered in the table in order; the null key, if it came, took the position
    // between those numbered before it and those after.
    private int Position(int id) => _nullPosition >= 0 && id >= _nullPosition ? id + 1 : id;

    private int Id(int position) => _nullPosition >= 0 && position > _nullPosition ? position - 1 : position;
}

using System.Runtime.InteropServices;
using System.Text;
using LogLinq.Query.Execution;

// Keys may be of a nullable type; the null key is kept apart from the dictionary, never put in it.
#pragma warning disable CS8714

namespace LogLinq.Query.Aggregates;

/// <summary>
/// A map from keys to per-key state that remembers the order keys first appeared in, allows a null
/// key (as <c>Distinct</c> and <c>GroupBy</c> do), and finds a text field of a raw row by its bytes
/// without allocating a string for keys it has seen.
/// </summary>
internal sealed class KeyIndex<TKey, TState>
{
    private readonly RowValue<TKey> _key;
    private readonly TextFieldValue? _text;
    private readonly Dictionary<TKey, TState> _states;
    private readonly Dictionary<string, TState>.AlternateLookup<ReadOnlySpan<char>> _byChars;
    private readonly List<TKey?> _order = [];
    private TState? _nullState;
    private bool _hasNull;
    private char[] _chars = new char[256];
    private byte[] _lastKey = new byte[256];
    private int _lastLength = -1;
    private TState? _lastState;

    public KeyIndex(RowValue<TKey> key)
    {
        _key = key;
        _states = new Dictionary<TKey, TState>();
        _text = key as TextFieldValue;
        if (_text is not null)
        {
            _byChars = ((Dictionary<string, TState>)(object)_states).GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary>The keys in order of first appearance.</summary>
    public List<TKey?> Keys => _order;

    public TState State(TKey? key) => key is null ? _nullState! : _states[key];

    /// <summary>The state for the row's key, made by <paramref name="create"/> when the key is new.</summary>
    public TState FindOrAdd(ref Row row, Func<TKey?, TState> create)
    {
        if (_text is not null && _text.TryGetRaw(ref row, out ReadOnlySpan<byte> bytes))
        {
            return FindOrAddText(bytes, create);
        }

        return FindOrAdd(_key.Get(ref row), create);
    }

    public TState FindOrAdd(TKey? key, Func<TKey?, TState> create)
    {
        if (key is null)
        {
            if (!_hasNull)
            {
                (_nullState, _hasNull) = (create(key), true);
                _order.Add(key);
            }

            return _nullState!;
        }

        ref TState? state = ref CollectionsMarshal.GetValueRefOrAddDefault(_states, key, out bool exists);
        if (!exists)
        {
            state = create(key);
            _order.Add(key);
        }

        return state!;
    }

    private TState FindOrAddText(ReadOnlySpan<byte> bytes, Func<TKey?, TState> create)
    {
        // Consecutive lines often share a key (a client fetches a page, then what the page links):
        // the last key found is compared as bytes before anything is decoded or hashed.
        if (_lastLength >= 0 && bytes.SequenceEqual(_lastKey.AsSpan(0, _lastLength)))
        {
            return _lastState!;
        }

        if (_chars.Length < bytes.Length)
        {
            _chars = new char[bytes.Length];
        }

        int length = Encoding.UTF8.GetChars(bytes, _chars);
        if (!_byChars.TryGetValue(_chars.AsSpan(0, length), out TState? state))
        {
            state = FindOrAdd((TKey)(object)new string(_chars.AsSpan(0, length)), create);
        }

        if (_lastKey.Length < bytes.Length)
        {
            _lastKey = new byte[bytes.Length];
        }

        bytes.CopyTo(_lastKey);
        (_lastLength, _lastState) = (bytes.Length, state);
        return state;
    }
}

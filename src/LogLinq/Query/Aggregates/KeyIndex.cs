using System.Buffers;
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
        char[]? rented = null;
        Span<char> chars = bytes.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(bytes.Length));
        try
        {
            int length = Encoding.UTF8.GetChars(bytes, chars);
            if (_byChars.TryGetValue(chars[..length], out TState? found))
            {
                return found;
            }

            return FindOrAdd((TKey)(object)new string(chars[..length]), create);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}

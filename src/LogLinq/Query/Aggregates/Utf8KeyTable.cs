using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using System.Text.Unicode;

namespace LogLinq.Query.Aggregates;

/// <summary>
/// Distinct UTF-8 keys, numbered in the order first seen: the text keys of <c>Distinct</c> and
/// <c>GroupBy</c> (hosts, paths, agents) looked up straight from a line's bytes. It is an open-addressing
/// hash table of (hash, where) slots over the keys' bytes, which are appended to a few large arrays:
/// a million keys are a handful of arrays for the collector, not a million strings, and a lookup
/// touches one slot and one key. A key becomes a string only when a result is made.
/// </summary>
internal sealed class Utf8KeyTable
{
    // Keys are appended to arrays of at most this size (or of their own size when longer), the first
    // small and each twice the last: a query over thousands of small files has a table for each
    // file's part, most of them holding a few keys.
    private const int ChunkBits = 20;
    private const int ChunkSize = 1 << ChunkBits;
    private const int FirstChunkSize = 4096;

    // Each key in its chunk: its number (4 bytes), its length (4 bytes), its bytes.
    private const int KeyHeader = 8;

    private readonly List<byte[]> _chunks = [];
    private readonly List<long> _where = []; // by number: chunk << 32 | offset
    private int _used;

    // Slots: hash << 32 | (where + 1), 0 when empty; a power of two long, never more than half full.
    private long[] _slots = new long[1024];

    /// <summary>How many keys there are; their numbers are 0 to <c>Count - 1</c>.</summary>
    public int Count => _where.Count;

    /// <summary>The bytes of key <paramref name="id"/>.</summary>
    public ReadOnlySpan<byte> this[int id] => Key(_where[id]);

    /// <summary>
    /// The number of <paramref name="key"/>, which is added if it is new. Bytes that are not valid
    /// UTF-8 are taken as the string they decode to (each bad sequence a U+FFFD), so that two keys
    /// are one exactly when their strings are equal, as LINQ to Objects would compare them.
    /// </summary>
    public int FindOrAdd(ReadOnlySpan<byte> key, out bool added)
    {
        int hash = Hash(key);
        int mask = _slots.Length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask)
        {
            long slot = _slots[i];
            if (slot == 0)
            {
                // Checked only now: every key kept is valid UTF-8, so bytes that equal one are too,
                // and a key met again (nearly every lookup) is not checked at all.
                if (!Utf8.IsValid(key))
                {
                    return FindOrAdd(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(key)), out added);
                }

                added = true;
                return Add(key, hash, i);
            }

            if ((int)(slot >> 32) == hash)
            {
                long where = (uint)slot - 1;
                if (Key(where).SequenceEqual(key))
                {
                    added = false;
                    return Id(where);
                }
            }
        }
    }

    /// <summary>The key <paramref name="id"/> as a string.</summary>
    public string String(int id) => Encoding.UTF8.GetString(this[id]);

    private int Add(ReadOnlySpan<byte> key, int hash, int slot)
    {
        if (_chunks.Count == 0 || _chunks[^1].Length - _used < KeyHeader + key.Length)
        {
            int size = _chunks.Count == 0 ? FirstChunkSize : Math.Min(ChunkSize, _chunks[^1].Length * 2);
            _chunks.Add(new byte[Math.Max(size, KeyHeader + key.Length)]);
            _used = 0;
        }

        int id = _where.Count;
        Span<byte> stored = _chunks[^1].AsSpan(_used);
        BinaryPrimitives.WriteInt32LittleEndian(stored, id);
        BinaryPrimitives.WriteInt32LittleEndian(stored[4..], key.Length);
        key.CopyTo(stored[KeyHeader..]);

        // A where fits the low 32 bits of a slot while the keys take less than 4 GiB.
        long where = ((long)(_chunks.Count - 1) << ChunkBits) | (uint)_used;
        if (where >= uint.MaxValue)
        {
            throw new InvalidOperationException("more than 4 GiB of distinct keys");
        }

        _used += KeyHeader + key.Length;
        _where.Add(where);
        _slots[slot] = ((long)hash << 32) | (where + 1);
        if (_where.Count * 2 > _slots.Length)
        {
            Grow();
        }

        return id;
    }

    private void Grow()
    {
        // The hashes are in the slots: the keys are not read again.
        long[] old = _slots;
        _slots = new long[old.Length * 2];
        int mask = _slots.Length - 1;
        foreach (long slot in old)
        {
            if (slot != 0)
            {
                int i = (int)(slot >> 32) & mask;
                while (_slots[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                _slots[i] = slot;
            }
        }
    }

    private ReadOnlySpan<byte> Key(long where)
    {
        ReadOnlySpan<byte> stored = _chunks[(int)(where >> ChunkBits)].AsSpan((int)(where & (ChunkSize - 1)));
        return stored.Slice(KeyHeader, BinaryPrimitives.ReadInt32LittleEndian(stored[4..]));
    }

    private int Id(long where) =>
        BinaryPrimitives.ReadInt32LittleEndian(_chunks[(int)(where >> ChunkBits)].AsSpan((int)(where & (ChunkSize - 1))));

    // Seeded at random per process: keys written into a log cannot be chosen to collide.
    private static readonly long Seed = Random.Shared.NextInt64();

    private static int Hash(ReadOnlySpan<byte> bytes) => (int)XxHash3.HashToUInt64(bytes, Seed);
}

using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LogLinq.Formats;

/// <summary>
/// The values of one delimited line, one at a time, as RFC 4180 writes them: a value in double quotes
/// may hold the delimiter, and <c>""</c> inside it is one quote; a value without quotes is its bytes as
/// they stand, spaces and all.
/// </summary>
internal ref struct CsvValues
{
    private readonly ReadOnlySpan<byte> _line;
    private readonly byte _delimiter;
    private int _pos;
    private bool _done;

    // The delimiters of the 64 bytes from _window, a bit each (none past the line): most rows' values
    // end at the next bit, where a search per value cost more than the value (most are a few bytes).
    // The line is followed in memory by a vector's bytes that may be read (and masked off).
    private int _window = int.MinValue / 2;
    private ulong _delimiters;

    /// <param name="line">The line, without its newline: a header, read once (a row is read from its copy with slack).</param>
    /// <param name="delimiter">What separates the values: a comma or a tab.</param>
    public CsvValues(ReadOnlySpan<byte> line, byte delimiter)
        : this(WithSlack(line), line.Length, delimiter)
    {
    }

    /// <param name="padded">The line, followed by at least 64 more bytes of any value (<see cref="FieldText.AppendWithSlack"/>).</param>
    /// <param name="length">How many bytes of <paramref name="padded"/> are the line.</param>
    /// <param name="delimiter">What separates the values: a comma or a tab.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CsvValues(ReadOnlySpan<byte> padded, int length, byte delimiter)
    {
        if (padded.Length < length + 64)
        {
            ThrowTooShort();
        }

        _line = padded[..length];
        _delimiter = delimiter;
    }

    /// <summary>
    /// What is wrong with the quotes of the value <see cref="Next"/> gave last, which is then the line's
    /// last: a quote never closed (a value that holds a line break is cut there, as each line is read
    /// alone), or text after a closing quote. Null while the quotes are right.
    /// </summary>
    public string? Fault { get; private set; }

    /// <summary>
    /// The next value: its range in the line (a quoted one without its quotes) and whether it holds
    /// <c>""</c>, for <see cref="Unescape"/>. False past the last value.
    /// </summary>
    // Per value, and its vectors keep it out of ReadyToRun's code: optimised from the first call, not
    // run unoptimised for much of a short scan.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next(out FieldRange value, out bool escaped)
    {
        escaped = false;
        if (_done)
        {
            value = default;
            return false;
        }

        if (_pos < _line.Length && _line[_pos] == '"')
        {
            return Quoted(out value, out escaped);
        }

        int end = NextDelimiter();
        if (end < 0)
        {
            value = new FieldRange(_pos, _line.Length - _pos);
            _done = true;
        }
        else
        {
            value = new FieldRange(_pos, end - _pos);
            _pos = end + 1;
        }

        return true;
    }

    /// <summary>Where the first delimiter at or after the current position is; -1 where there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NextDelimiter()
    {
        if ((uint)(_pos - _window) >= 64)
        {
            // A quoted value moved past the window (or there was none yet): one from here.
            _window = _pos;
            _delimiters = Delimiters(_pos);
        }

        ulong delimiters = _delimiters & (ulong.MaxValue << (_pos - _window));
        while (delimiters == 0)
        {
            _window += 64;
            if (_window >= _line.Length)
            {
                _delimiters = 0;
                return -1;
            }

            delimiters = Delimiters(_window);
        }

        _delimiters = delimiters;
        return _window + BitOperations.TrailingZeroCount(delimiters);
    }

    /// <summary>The delimiters of the bytes from <paramref name="start"/> of the line, as far as 64 of them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private readonly ulong Delimiters(int start)
    {
        int left = _line.Length - start;
        if (left <= 0)
        {
            return 0;
        }

        ulong mask = Mask(ref Unsafe.Add(ref MemoryMarshal.GetReference(_line), start), _delimiter);
        return left >= 64 ? mask : mask & ((1UL << left) - 1);
    }

    private static byte[] WithSlack(ReadOnlySpan<byte> line)
    {
        byte[] padded = new byte[line.Length + 64];
        line.CopyTo(padded);
        return padded;
    }

    /// <summary>The bytes equal to <paramref name="value"/> of the 64 from <paramref name="at"/>, a bit each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask(ref byte at, byte value)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            return Vector512.Equals(Vector512.LoadUnsafe(ref at), Vector512.Create(value)).ExtractMostSignificantBits();
        }

        return Vector256.Equals(Vector256.LoadUnsafe(ref at), Vector256.Create(value)).ExtractMostSignificantBits()
            | ((ulong)Vector256.Equals(Vector256.LoadUnsafe(ref at, 32), Vector256.Create(value)).ExtractMostSignificantBits() << 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Quoted(out FieldRange value, out bool escaped)
    {
        escaped = false;
        int open = _pos + 1;
        int close = open;
        while (true)
        {
            int quote = _line[close..].IndexOf((byte)'"');
            if (quote < 0)
            {
                value = new FieldRange(open, _line.Length - open);
                Fault = "a quoted value is not closed (a value that holds a line break is not read)";
                _done = true;
                return true;
            }

            close += quote;
            if (close + 1 < _line.Length && _line[close + 1] == '"')
            {
                escaped = true;
                close += 2;
                continue;
            }

            break;
        }

        value = new FieldRange(open, close - open);
        int after = close + 1;
        if (after == _line.Length)
        {
            _done = true;
        }
        else if (_line[after] == _delimiter)
        {
            _pos = after + 1;
        }
        else
        {
            int end = _line[after..].IndexOf(_delimiter);
            Fault = $"text after the closing quote of a value: {ErrorText.Quote(end < 0 ? _line[after..] : _line.Slice(after, end))}";
            _done = true;
        }

        return true;
    }

    [DoesNotReturn]
    private static void ThrowTooShort() => throw new ArgumentException("The span must hold 64 bytes past the line.");

    /// <summary>
    /// A quoted value's text with each <c>""</c> made one quote, in <paramref name="scratch"/> when it
    /// fits. <paramref name="scratch"/> may be <paramref name="quoted"/>'s own bytes: each byte is
    /// written no later than it is read, so a value is unescaped in place.
    /// </summary>
    public static ReadOnlySpan<byte> Unescape(ReadOnlySpan<byte> quoted, Span<byte> scratch)
    {
        Span<byte> into = quoted.Length <= scratch.Length ? scratch : new byte[quoted.Length];
        int length = 0;
        for (int i = 0; i < quoted.Length; i++)
        {
            into[length++] = quoted[i];
            if (quoted[i] == '"' && i + 1 < quoted.Length && quoted[i + 1] == '"')
            {
                i++;
            }
        }

        return into[..length];
    }
}

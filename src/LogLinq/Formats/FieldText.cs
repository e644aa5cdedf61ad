using System.Runtime.CompilerServices;

namespace LogLinq.Formats;

/// <summary>
/// The text of one record's fields, copied out of its line into a buffer its parser keeps from line
/// to line, for formats whose values are not the line's bytes as they stand (escaped in JSON or
/// logfmt, a W3C path joined from its stem and query, a header's '+' for a space): the fields are
/// ranges into it, as an NCSA line's are into the line, and no string is made for any of them.
/// </summary>
internal struct FieldText
{
    private byte[] _buffer;

    /// <param name="buffer">Where the text goes; a bigger one replaces it when it outgrows it (<see cref="Buffer"/>).</param>
    public FieldText(byte[] buffer) => _buffer = buffer;

    /// <summary>The buffer the text is in: the one given, or a bigger one, for the parser to keep for its next line.</summary>
    public readonly byte[] Buffer => _buffer;

    /// <summary>How many bytes of <see cref="Buffer"/> hold text.</summary>
    public int Length { get; private set; }

    /// <summary>Appends <paramref name="value"/>, then <paramref name="more"/> and <paramref name="last"/>, as one field.</summary>
    public FieldRange Append(ReadOnlySpan<byte> value, ReadOnlySpan<byte> more = default, ReadOnlySpan<byte> last = default)
    {
        int length = value.Length + more.Length + last.Length;
        if (Length + length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + length));
        }

        Span<byte> into = _buffer.AsSpan(Length, length);
        value.CopyTo(into);
        more.CopyTo(into[value.Length..]);
        last.CopyTo(into[(value.Length + more.Length)..]);
        var range = new FieldRange(Length, length);
        Length += length;
        return range;
    }

    /// <summary>
    /// Appends the one byte <paramref name="value"/> as a field (a record's "-"): per line, where
    /// <see cref="Append"/>'s three copies cost more than the byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FieldRange AppendByte(byte value)
    {
        if (Length >= _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + 1));
        }

        _buffer[Length] = value;
        return new FieldRange(Length++, 1);
    }

    /// <summary>
    /// Appends <paramref name="value"/> as <see cref="Append"/> does, with <paramref name="slack"/> bytes
    /// of the buffer after it (whatever they hold), so that a reader may load whole vectors across its
    /// end without copying its last bytes apart first.
    /// </summary>
    public FieldRange AppendWithSlack(ReadOnlySpan<byte> value, int slack)
    {
        if (Length + value.Length + slack > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + value.Length + slack));
        }

        // One copy, not Append's three: a whole line, per line.
        value.CopyTo(_buffer.AsSpan(Length));
        var range = new FieldRange(Length, value.Length);
        Length += value.Length;
        return range;
    }

    /// <summary>The text of <paramref name="range"/>, which this appended.</summary>
    public readonly ReadOnlySpan<byte> Of(FieldRange range) => range.Of(_buffer);

    /// <summary>The text of <paramref name="range"/>, to change in place.</summary>
    public readonly Span<byte> Edit(FieldRange range) => _buffer.AsSpan(range.Start, range.Length);
}

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

    /// <param name="line">The line, without its newline.</param>
    /// <param name="delimiter">What separates the values: a comma or a tab.</param>
    public CsvValues(ReadOnlySpan<byte> line, byte delimiter)
    {
        _line = line;
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

        int end = _line[_pos..].IndexOf(_delimiter);
        if (end < 0)
        {
            value = new FieldRange(_pos, _line.Length - _pos);
            _done = true;
        }
        else
        {
            value = new FieldRange(_pos, end);
            _pos += end + 1;
        }

        return true;
    }

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

    /// <summary>A quoted value's text with each <c>""</c> made one quote, in <paramref name="scratch"/> when it fits.</summary>
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

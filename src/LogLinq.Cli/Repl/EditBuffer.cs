using System.Text;

namespace LogLinq.Cli.Repl;

/// <summary>
/// The text being typed at the prompt and the cursor in it. A submission may span lines ('\n'), so
/// moving up and down works within it before it reaches the history.
/// </summary>
internal sealed class EditBuffer
{
    private readonly StringBuilder _text = new();

    /// <summary>The text.</summary>
    public string Text => _text.ToString();

    /// <summary>Where the cursor is, as an index into <see cref="Text"/>.</summary>
    public int Cursor { get; private set; }

    /// <summary>Whether there is no text.</summary>
    public bool IsEmpty => _text.Length == 0;

    /// <summary>Whether the cursor is on the first line.</summary>
    public bool OnFirstLine => LineStart(Cursor) == 0;

    /// <summary>Whether the cursor is on the last line.</summary>
    public bool OnLastLine => LineEnd(Cursor) == _text.Length;

    /// <summary>Replaces the text, with the cursor at its end.</summary>
    public void Set(string text)
    {
        _text.Clear().Append(text);
        Cursor = text.Length;
    }

    /// <summary>Puts the cursor at <paramref name="index"/>, within the text.</summary>
    public void MoveTo(int index) => Cursor = Math.Clamp(index, 0, _text.Length);

    /// <summary>Inserts <paramref name="text"/> at the cursor, which moves past it.</summary>
    public void Insert(string text)
    {
        _text.Insert(Cursor, text);
        Cursor += text.Length;
    }

    /// <summary>Replaces <paramref name="length"/> characters from <paramref name="start"/>, leaving the cursor after the new text.</summary>
    public void Replace(int start, int length, string text)
    {
        _text.Remove(start, length).Insert(start, text);
        Cursor = start + text.Length;
    }

    /// <summary>Deletes the character before the cursor.</summary>
    public void Backspace()
    {
        if (Cursor > 0)
        {
            _text.Remove(--Cursor, 1);
        }
    }

    /// <summary>Deletes the character under the cursor.</summary>
    public void Delete()
    {
        if (Cursor < _text.Length)
        {
            _text.Remove(Cursor, 1);
        }
    }

    /// <summary>Moves the cursor one character left.</summary>
    public void Left() => Cursor = Math.Max(0, Cursor - 1);

    /// <summary>Moves the cursor one character right.</summary>
    public void Right() => Cursor = Math.Min(_text.Length, Cursor + 1);

    /// <summary>Moves the cursor to the start of its line.</summary>
    public void Home() => Cursor = LineStart(Cursor);

    /// <summary>Moves the cursor to the end of its line.</summary>
    public void End() => Cursor = LineEnd(Cursor);

    /// <summary>Moves the cursor to the line above, keeping its column where it can.</summary>
    public void Up()
    {
        int start = LineStart(Cursor);
        if (start > 0)
        {
            int previous = LineStart(start - 1);
            Cursor = Math.Min(previous + (Cursor - start), start - 1);
        }
    }

    /// <summary>Moves the cursor to the line below, keeping its column where it can.</summary>
    public void Down()
    {
        int end = LineEnd(Cursor);
        if (end < _text.Length)
        {
            int next = end + 1;
            Cursor = Math.Min(next + (Cursor - LineStart(Cursor)), LineEnd(next));
        }
    }

    /// <summary>Deletes from the start of the line to the cursor (Ctrl-U).</summary>
    public void DeleteToLineStart()
    {
        int start = LineStart(Cursor);
        _text.Remove(start, Cursor - start);
        Cursor = start;
    }

    /// <summary>Deletes from the cursor to the end of the line (Ctrl-K).</summary>
    public void DeleteToLineEnd() => _text.Remove(Cursor, LineEnd(Cursor) - Cursor);

    /// <summary>Deletes the word before the cursor, and the blanks after it (Ctrl-W).</summary>
    public void DeleteWordBefore()
    {
        int start = WordStartBefore(Cursor);
        _text.Remove(start, Cursor - start);
        Cursor = start;
    }

    /// <summary>Moves the cursor to the start of the word before it.</summary>
    public void WordLeft() => Cursor = WordStartBefore(Cursor);

    /// <summary>Moves the cursor past the end of the word after it.</summary>
    public void WordRight()
    {
        int i = Cursor;
        while (i < _text.Length && !IsWordChar(_text[i]))
        {
            i++;
        }

        while (i < _text.Length && IsWordChar(_text[i]))
        {
            i++;
        }

        Cursor = i;
    }

    /// <summary>The line and column of the cursor, both from 0.</summary>
    public (int Line, int Column) Position()
    {
        int line = 0;
        for (int i = 0; i < Cursor; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
            }
        }

        return (line, Cursor - LineStart(Cursor));
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private int WordStartBefore(int index)
    {
        int i = index;
        while (i > 0 && !IsWordChar(_text[i - 1]))
        {
            i--;
        }

        while (i > 0 && IsWordChar(_text[i - 1]))
        {
            i--;
        }

        return i;
    }

    private int LineStart(int index)
    {
        int i = index;
        while (i > 0 && _text[i - 1] != '\n')
        {
            i--;
        }

        return i;
    }

    private int LineEnd(int index)
    {
        int i = index;
        while (i < _text.Length && _text[i] != '\n')
        {
            i++;
        }

        return i;
    }
}

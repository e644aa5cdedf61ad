using System.Text;

namespace LogLinq.Cli.Repl;

/// <summary>
/// Reads a submission at the terminal, key by key: editing within and across its lines, Up and Down
/// through the history, Tab completion, Ctrl-C to drop what was typed, Ctrl-D to leave. Enter runs
/// the submission once it is complete and otherwise starts a new line of it. The whole submission is
/// redrawn after each key: it is small, and that keeps wrapping and multi-line editing simple.
/// </summary>
internal sealed class LineEditor(
    History history,
    Func<string, bool> isComplete,
    Func<string, int, (int Start, IReadOnlyList<string> Candidates)> complete,
    DisplayStyle style)
{
    /// <summary>The prompt of a submission's first line.</summary>
    public const string Prompt = "> ";

    /// <summary>The prompt of its further lines.</summary>
    public const string ContinuationPrompt = ". ";

    private readonly EditBuffer _buffer = new();

    // How many rows below the first row of the submission the terminal's cursor is.
    private int _cursorRow;
    private bool _listedCompletions;

    /// <summary>The next submission; an empty one after Ctrl-C; null at Ctrl-D on an empty line.</summary>
    public string? ReadSubmission()
    {
        _buffer.Set("");
        _cursorRow = 0;
        int historyIndex = history.Entries.Count;
        string draft = "";
        bool treatControlCAsInput = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            Render();
            while (true)
            {
                ConsoleKeyInfo key = Console.ReadKey(intercept: true);
                bool control = key.Modifiers.HasFlag(ConsoleModifiers.Control);
                bool tab = key.Key == ConsoleKey.Tab;
                if (!tab)
                {
                    _listedCompletions = false;
                }

                switch (key.Key)
                {
                    case ConsoleKey.Enter when !control:
                        if (isComplete(_buffer.Text))
                        {
                            return Accept();
                        }

                        _buffer.Insert("\n");
                        break;
                    case ConsoleKey.C when control:
                        Finish("^C");
                        return "";
                    case ConsoleKey.D when control:
                        if (_buffer.IsEmpty)
                        {
                            Finish("");
                            return null;
                        }

                        _buffer.Delete();
                        break;
                    case ConsoleKey.Tab:
                        Complete();
                        break;
                    case ConsoleKey.UpArrow or ConsoleKey.P when control || key.Key == ConsoleKey.UpArrow:
                        if (!_buffer.OnFirstLine)
                        {
                            _buffer.Up();
                        }
                        else if (historyIndex > 0)
                        {
                            if (historyIndex == history.Entries.Count)
                            {
                                draft = _buffer.Text;
                            }

                            // On the entry's first line, so that Up goes on back through the history
                            // rather than up through the entry's lines.
                            _buffer.Set(history.Entries[--historyIndex]);
                            _buffer.MoveTo(0);
                            _buffer.End();
                        }

                        break;
                    case ConsoleKey.DownArrow or ConsoleKey.N when control || key.Key == ConsoleKey.DownArrow:
                        if (!_buffer.OnLastLine)
                        {
                            _buffer.Down();
                        }
                        else if (historyIndex < history.Entries.Count)
                        {
                            historyIndex++;
                            _buffer.Set(historyIndex == history.Entries.Count ? draft : history.Entries[historyIndex]);
                        }

                        break;
                    case ConsoleKey.LeftArrow when control:
                        _buffer.WordLeft();
                        break;
                    case ConsoleKey.RightArrow when control:
                        _buffer.WordRight();
                        break;
                    case ConsoleKey.LeftArrow or ConsoleKey.B when control || key.Key == ConsoleKey.LeftArrow:
                        _buffer.Left();
                        break;
                    case ConsoleKey.RightArrow or ConsoleKey.F when control || key.Key == ConsoleKey.RightArrow:
                        _buffer.Right();
                        break;
                    case ConsoleKey.Home or ConsoleKey.A when control || key.Key == ConsoleKey.Home:
                        _buffer.Home();
                        break;
                    case ConsoleKey.End or ConsoleKey.E when control || key.Key == ConsoleKey.End:
                        _buffer.End();
                        break;
                    case ConsoleKey.Backspace:
                        _buffer.Backspace();
                        break;
                    case ConsoleKey.Delete:
                        _buffer.Delete();
                        break;
                    case ConsoleKey.U when control:
                        _buffer.DeleteToLineStart();
                        break;
                    case ConsoleKey.K when control:
                        _buffer.DeleteToLineEnd();
                        break;
                    case ConsoleKey.W when control:
                        _buffer.DeleteWordBefore();
                        break;
                    case ConsoleKey.L when control:
                        Console.Out.Write("\e[H\e[2J");
                        _cursorRow = 0;
                        break;
                    default:
                        if (!control && key.KeyChar >= ' ' && key.KeyChar != '\x7f')
                        {
                            _buffer.Insert(key.KeyChar.ToString());
                        }

                        break;
                }

                Render();
            }
        }
        finally
        {
            Console.TreatControlCAsInput = treatControlCAsInput;
        }
    }

    private string Accept()
    {
        string text = _buffer.Text;
        Finish("");
        history.Add(text.TrimEnd());
        return text;
    }

    /// <summary>Leaves the cursor on a fresh line below the submission, after <paramref name="mark"/>.</summary>
    private void Finish(string mark)
    {
        _buffer.MoveTo(int.MaxValue);
        Render();
        Console.Out.Write(mark + "\r\n");
        _cursorRow = 0;
    }

    private void Complete()
    {
        (int start, IReadOnlyList<string> candidates) = complete(_buffer.Text, _buffer.Cursor);
        int length = _buffer.Cursor - start;
        if (candidates.Count == 1)
        {
            _buffer.Replace(start, length, candidates[0]);
            return;
        }

        string common = Completion.CommonPrefix(candidates);
        if (common.Length > length)
        {
            _buffer.Replace(start, length, common);
        }
        else if (candidates.Count > 1 && !_listedCompletions)
        {
            // A second Tab with nothing more to add lists the choices under the submission.
            _listedCompletions = true;
            ListCandidates(candidates);
        }
    }

    private void ListCandidates(IReadOnlyList<string> candidates)
    {
        int cursor = _buffer.Cursor;
        _buffer.MoveTo(int.MaxValue);
        Render();
        var list = new StringBuilder("\r\n");
        int width = Width();
        int column = 0;
        foreach (string candidate in candidates)
        {
            if (column > 0 && column + candidate.Length + 2 > width)
            {
                list.Append("\r\n");
                column = 0;
            }

            list.Append(candidate).Append("  ");
            column += candidate.Length + 2;
        }

        Console.Out.Write(list.Append("\r\n").ToString());
        _cursorRow = 0;
        _buffer.MoveTo(cursor);
    }

    /// <summary>Redraws the submission from its first row and puts the cursor where it belongs.</summary>
    private void Render()
    {
        int width = Width();
        var screen = new StringBuilder();
        if (_cursorRow > 0)
        {
            screen.Append($"\e[{_cursorRow}A");
        }

        screen.Append("\r\e[J");

        string[] lines = _buffer.Text.Split('\n');
        (int cursorLine, int cursorColumn) = _buffer.Position();
        int row = 0;
        int cursorRow = 0;
        int cursorCol = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            string prompt = i == 0 ? Prompt : ContinuationPrompt;
            if (i > 0)
            {
                screen.Append("\r\n");
            }

            screen.Append(style.Dim(prompt)).Append(lines[i]);
            if (i == cursorLine)
            {
                int offset = prompt.Length + cursorColumn;
                cursorRow = row + (offset / width);
                cursorCol = offset % width;
            }

            int length = prompt.Length + lines[i].Length;
            if (i == lines.Length - 1 && length % width == 0)
            {
                // The terminal holds the cursor at the last column until something follows; move it
                // to the next row so that its position is known.
                screen.Append(" \r");
            }

            row += i == lines.Length - 1 ? length / width : Math.Max(1, (length + width - 1) / width);
        }

        int endRow = row;
        if (endRow > cursorRow)
        {
            screen.Append($"\e[{endRow - cursorRow}A");
        }

        screen.Append($"\r\e[{cursorCol + 1}G");
        _cursorRow = cursorRow;
        Console.Out.Write(screen.ToString());
    }

    private static int Width()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}

using System.Text;

namespace LogLinq.Cli.Repl;

/// <summary>
/// Earlier submissions, kept across sessions in a file: one entry a line, a submission's newlines
/// written as <c>\n</c> and backslashes as <c>\\</c>. A history that cannot be read or written
/// (a read-only home) is kept for this session only.
/// </summary>
internal sealed class History
{
    /// <summary>How many entries are kept.</summary>
    public const int MaxEntries = 1000;

    private readonly string? _path;
    private readonly List<string> _entries = [];

    /// <summary>Loads the history at <paramref name="path"/>; none is kept on disk when it is null.</summary>
    public History(string? path)
    {
        _path = path;
        if (path is null || !File.Exists(path))
        {
            return;
        }

        try
        {
            string[] lines = File.ReadAllLines(path);
            _entries.AddRange(lines.Where(line => line.Length > 0).Select(Unescape).TakeLast(MaxEntries));

            // Appending grows the file without end; trim it when it has twice what is kept.
            if (lines.Length > 2 * MaxEntries)
            {
                File.WriteAllLines(path, _entries.Select(Escape));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing to recall; the session goes on without it.
        }
    }

    /// <summary>The entries, oldest first.</summary>
    public IReadOnlyList<string> Entries => _entries;

    /// <summary>
    /// Where the history lives: <c>$XDG_STATE_HOME/loglinq/history</c>, or
    /// <c>~/.local/state/loglinq/history</c>; null when there is no home to keep it in.
    /// </summary>
    public static string? DefaultPath()
    {
        string? state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(state) || !Path.IsPathRooted(state))
        {
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }

            state = Path.Combine(home, ".local", "state");
        }

        return Path.Combine(state, "loglinq", "history");
    }

    /// <summary>Adds <paramref name="entry"/>, unless it is blank or the same as the last one, and saves it.</summary>
    public void Add(string entry)
    {
        if (string.IsNullOrWhiteSpace(entry) || (_entries.Count > 0 && _entries[^1] == entry))
        {
            return;
        }

        _entries.Add(entry);
        if (_entries.Count > MaxEntries)
        {
            _entries.RemoveAt(0);
        }

        if (_path is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            File.AppendAllText(_path, Escape(entry) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Kept for this session only.
        }
    }

    private static string Escape(string entry) =>
        entry.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Unescape(string line)
    {
        var text = new StringBuilder(line.Length);
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                text.Append(line[++i] == 'n' ? '\n' : line[i]);
            }
            else
            {
                text.Append(line[i]);
            }
        }

        return text.ToString();
    }
}

using System.IO.Enumeration;

namespace LogLinq.Sources;

/// <summary>
/// One parsed glob and the directory walk that finds its files. The walk starts at the longest
/// literal prefix of the glob and lists only directories that a later segment can still match;
/// literal segments after a wildcard are looked up, not listed.
/// </summary>
internal sealed class GlobPattern
{
    private const string AnyDepth = "**";

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    private static readonly EnumerationOptions ListOptions = new()
    {
        // The defaults skip hidden and system entries; a dot file is matched like any other.
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    private readonly string _start;
    private readonly string[] _segments;
    private readonly bool _directoriesOnly;

    private GlobPattern(string text, string start, string[] segments, bool directoriesOnly)
    {
        Text = text;
        _start = start;
        _segments = segments;
        _directoriesOnly = directoriesOnly;
    }

    /// <summary>The glob as written.</summary>
    public string Text { get; }

    public static GlobPattern Parse(string glob)
    {
        string root = Path.GetPathRoot(glob) ?? "";
        string[] parts = glob[root.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        int firstWildcard = Array.FindIndex(parts, part => WildcardMatcher.HasWildcards(part));
        if (firstWildcard < 0)
        {
            firstWildcard = parts.Length;
        }

        // The prefix is kept as written (relative or absolute) and the matches are built on it, so
        // that "data/*.log" finds "data/a.log", not "/home/me/data/a.log" nor "./data/a.log".
        string start = root + string.Join('/', parts[..firstWildcard]);
        var segments = new List<string>();
        foreach (string part in parts[firstWildcard..])
        {
            // "**/**" means no more than "**", and would only make the walk repeat itself.
            if (part != AnyDepth || segments.Count == 0 || segments[^1] != AnyDepth)
            {
                segments.Add(part);
            }
        }

        // A final "**" stands for every file at any depth below.
        if (segments.Count > 0 && segments[^1] == AnyDepth)
        {
            segments.Add("*");
        }

        bool directoriesOnly = glob.Length > root.Length && Separators.Contains(glob[^1]);
        return new GlobPattern(glob, start, [.. segments], directoriesOnly);
    }

    /// <summary>The matching files, without duplicates, in <see cref="RotationOrder"/>: oldest first.</summary>
    public List<string> FindFiles()
    {
        var found = new HashSet<string>(StringComparer.Ordinal);

        // Only files are found, so a glob that asks for directories ("logs/*/") finds nothing.
        if (_segments.Length == 0)
        {
            if (!_directoriesOnly && IsFile(_start))
            {
                found.Add(Text);
            }
        }
        else if (!_directoriesOnly && Directory.Exists(OnDisk(_start)))
        {
            Walk(_start, 0, found, listing: null);
        }

        var files = new List<string>(found);
        files.Sort(RotationOrder.Instance);
        return files;
    }

    private void Walk(string directory, int index, HashSet<string> found, List<Entry>? listing)
    {
        string segment = _segments[index];
        bool last = index == _segments.Length - 1;
        if (segment == AnyDepth)
        {
            listing ??= List(directory);
            Walk(directory, index + 1, found, listing);
            foreach (Entry entry in listing)
            {
                // A symbolic link to a directory is not followed at any depth: it may lead back up
                // the tree (a loop), or sideways into a tree the glob did not name.
                if (entry.IsDirectory && !entry.IsLink)
                {
                    Walk(Combine(directory, entry.Name), index, found, listing: null);
                }
            }

            return;
        }

        if (!WildcardMatcher.HasWildcards(segment))
        {
            string child = Combine(directory, segment);
            if (last)
            {
                if (IsFile(child))
                {
                    found.Add(child);
                }
            }
            else if (Directory.Exists(OnDisk(child)))
            {
                Walk(child, index + 1, found, listing: null);
            }

            return;
        }

        foreach (Entry entry in listing ?? List(directory))
        {
            if (!WildcardMatcher.IsMatch(segment, entry.Name))
            {
                continue;
            }

            string child = Combine(directory, entry.Name);
            if (!last)
            {
                if (entry.IsDirectory)
                {
                    Walk(child, index + 1, found, listing: null);
                }
            }
            else if (!entry.IsDirectory && (!entry.IsLink || IsFile(child)))
            {
                // A dangling symbolic link is not a file.
                found.Add(child);
            }
        }
    }

    private static List<Entry> List(string directory)
    {
        try
        {
            var entries = new FileSystemEnumerable<Entry>(
                OnDisk(directory),
                static (ref FileSystemEntry entry) => new Entry(
                    entry.FileName.ToString(),
                    entry.IsDirectory, // for a symbolic link: whether its target is a directory
                    (entry.Attributes & FileAttributes.ReparsePoint) != 0),
                ListOptions);
            return [.. entries];
        }
        catch (UnauthorizedAccessException e)
        {
            throw new LogSourceException($"permission denied: {Shown(directory)}", Shown(directory), null, e);
        }
        catch (DirectoryNotFoundException)
        {
            // Removed since it was seen: it holds nothing now.
            return [];
        }
        catch (IOException e)
        {
            throw new LogSourceException($"cannot list {Shown(directory)}: {e.Message}", Shown(directory), null, e);
        }
    }

    /// <summary>Whether <paramref name="path"/> is a file, or a symbolic link that leads to one.</summary>
    private static bool IsFile(string path)
    {
        // File.Exists is true for a dangling symbolic link, which cannot be read.
        var file = new FileInfo(OnDisk(path));
        if (!file.Exists)
        {
            return false;
        }

        if (file.LinkTarget is null)
        {
            return true;
        }

        try
        {
            return file.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true };
        }
        catch (IOException)
        {
            return false; // a loop of links
        }
    }

    /// <summary>The path to give the file system: the empty prefix of a relative glob is the current directory.</summary>
    private static string OnDisk(string path) => path.Length == 0 ? "." : path;

    private static string Shown(string directory) => directory.Length == 0 ? "." : directory;

    private static string Combine(string directory, string name) =>
        directory.Length == 0 ? name
        : Separators.Contains(directory[^1]) ? directory + name
        : directory + "/" + name;

    private readonly record struct Entry(string Name, bool IsDirectory, bool IsLink);
}

namespace LogLinq.Sources;

/// <summary>
/// Finds the log files that globs name: <c>**</c> (any number of directories, none included),
/// <c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-z]</c> and <c>[!x]</c>. A glob without wildcards names
/// one file.
/// </summary>
/// <remarks>
/// Relative globs are resolved against the current directory and their matches are given with the
/// glob's prefix as written (<c>data/www/**/access-log*</c> finds <c>data/www/foo/access-log</c>);
/// absolute globs give absolute paths. Only files are found, hidden ones included. Symbolic links to
/// files are found (a file reached by two names, a link and its target, is read once, at the first);
/// symbolic links to directories are followed by a segment that names or matches them, never by
/// <c>**</c>, so a link loop cannot make the walk endless.
/// </remarks>
internal static class GlobFinder
{
    /// <inheritdoc cref="Find(IEnumerable{string})"/>
    public static IEnumerable<string> Find(params string[] globs) => Find((IEnumerable<string>)globs);

    /// <summary>
    /// The files that <paramref name="globs"/> match: each glob's files in <see cref="RotationOrder"/>
    /// (the copies of a rotated log oldest first, the live file last; other files ordinally), the
    /// globs' results one after another in the order given, every file once, at its first place.
    /// </summary>
    /// <param name="globs">The globs; evaluated only when the result is enumerated.</param>
    /// <returns>
    /// A lazy sequence: nothing is touched until it is enumerated. Its first step resolves every glob,
    /// so a glob that matches nothing fails the query before any file is read.
    /// </returns>
    /// <exception cref="LogSourceException">
    /// On enumeration: a glob matches no file, or a directory on the way cannot be read.
    /// </exception>
    public static IEnumerable<string> Find(IEnumerable<string> globs)
    {
        ArgumentNullException.ThrowIfNull(globs);
        return FindAll(globs);
    }

    private static IEnumerable<string> FindAll(IEnumerable<string> globs)
    {
        var results = new List<List<string>>();
        foreach (string? glob in globs)
        {
            ArgumentNullException.ThrowIfNull(glob, nameof(globs));
            List<string> files = GlobPattern.Parse(glob).FindFiles();
            if (files.Count == 0)
            {
                // A file whose name has a glob's characters in it ("access [1].log") is found by that name.
                files = glob.AsSpan().ContainsAny('*', '?', '[') && File.Exists(glob) ? [glob] : throw NoMatch(glob);
            }

            results.Add(files);
        }

        // The same file may be written two ways ("data/a.log", "./data/a.log") or reached through a
        // link ("access.log -> access.log.1"): read it once.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (List<string> files in results)
        {
            foreach (string file in files)
            {
                if (seen.Add(FoundFileKey.Of(file)))
                {
                    yield return file;
                }
            }
        }
    }

    private static LogSourceException NoMatch(string glob) => new(
        Directory.Exists(glob)
            ? $"'{glob}' is a directory: name its logs with a glob, as '{Path.Join(glob, "*.log")}' or '{Path.Join(glob, "**", "*")}'"
            : $"no files match '{glob}'",
        glob);
}

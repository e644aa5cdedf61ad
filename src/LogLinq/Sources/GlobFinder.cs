namespace LogLinq.Sources;

/// <summary>STUB — replaced by the sources branch.</summary>
public static class GlobFinder
{
    /// <summary>stub</summary>
    public static IEnumerable<string> Find(params string[] globs) => Find((IEnumerable<string>)globs);

    /// <summary>stub</summary>
    public static IEnumerable<string> Find(IEnumerable<string> globs)
    {
        foreach (string glob in globs)
        {
            if (File.Exists(glob))
            {
                yield return glob;
            }
        }
    }
}

namespace LogLinq.Cli.Terminal;

/// <summary>The sizes of the files a scan will read, for its progress bar's total.</summary>
internal static class FileSizes
{
    /// <summary>
    /// The size of <paramref name="path"/>, a symbolic link's being its target's; 0 when it cannot be
    /// looked at (gone since the glob, a name that is not UTF-8), which its scan then names.
    /// </summary>
    public static long Of(string path)
    {
        try
        {
            var file = new FileInfo(path);
            return (file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? file).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}

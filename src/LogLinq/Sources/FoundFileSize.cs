namespace LogLinq.Sources;

/// <summary>
/// The size of a file a glob found, for planning a scan (how to cut it, how big a job it is) before
/// it is opened.
/// </summary>
internal static class FoundFileSize
{
    /// <summary>
    /// The size of <paramref name="path"/>; 0 when it cannot be looked at now: logrotate deleted the
    /// oldest copy after the glob found it, or its name is not UTF-8 (bytes .NET cannot name a file
    /// by). Opening it then says what is wrong, as the scan's error for that file, rather than a
    /// planning step failing with .NET's words.
    /// </summary>
    /// <remarks>A symbolic link's size is its target's (a link's own is the length of the path it holds).</remarks>
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

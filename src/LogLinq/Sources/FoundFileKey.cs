using LogLinq.Live;

namespace LogLinq.Sources;

/// <summary>
/// What tells whether two names a glob found are one file, so that it is read once: a symbolic link
/// beside the file it names (<c>access.log -&gt; access.log.1</c>, a <c>current</c> link), a linked
/// directory, a hard link, or the same path written two ways.
/// </summary>
internal static class FoundFileKey
{
    /// <summary>
    /// The key of <paramref name="path"/>: its device and inode where those are known (64-bit Linux),
    /// else its full path with symbolic links to it followed.
    /// </summary>
    public static string Of(string path)
    {
        // The inode tells any two names of one file apart; elsewhere FileIdentity is a creation time,
        // which two files may share, so the path stands in.
        if (FileIdentity.IsExact && FileIdentity.TryGet(path, out FileIdentity identity))
        {
            return $"#{identity.Device}:{identity.Inode}";
        }

        string full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full; // a link loop or a dangling link: opening it will say what is wrong
        }
    }
}

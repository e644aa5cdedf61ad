using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace LogLinq.Live;

/// <summary>
/// Which file a path or an open handle refers to, independent of its name: what tells a rotated log
/// (same file, new name) from its successor (new file, same name).
/// </summary>
/// <remarks>
/// <para>
/// On 64-bit Linux this is the device and inode number, from <c>stat(2)</c> for a path and
/// <c>fstat(2)</c> for an open handle, called in libc directly: .NET has no public API for inode
/// numbers. On every 64-bit Linux ABI (x86-64, arm64, and the generic layout) <c>st_dev</c> and
/// <c>st_ino</c> are the first two 8-byte fields of <c>struct stat</c>, so only they are read, from a
/// buffer larger than any of the layouts.
/// </para>
/// <para>
/// Elsewhere the identity is the file's creation time, which a renamed file keeps and a re-created one
/// does not; two files created within the same tick would be taken for one.
/// </para>
/// </remarks>
/// <param name="Device">The device the file is on; 0 where inode numbers are not used.</param>
/// <param name="Inode">The inode number, or the creation time in ticks.</param>
internal readonly record struct FileIdentity(ulong Device, ulong Inode)
{
    // Larger than struct stat on every 64-bit Linux (144 bytes on x86-64, 128 on arm64).
    private const int StatBufferSize = 256;

    private static readonly bool UseStat =
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>Whether two files never share an identity: true where it is the device and inode.</summary>
    public static bool IsExact => UseStat;

    /// <summary>The identity of the file at <paramref name="path"/>; false when there is none.</summary>
    public static bool TryGet(string path, out FileIdentity identity)
    {
        identity = default;
        if (UseStat)
        {
            byte[] name = new byte[Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
            Encoding.UTF8.GetBytes(path, name); // the array is zeroed: the name ends in '\0'
            byte[] status = new byte[StatBufferSize];
            if (Native.stat(name, status) != 0)
            {
                return false;
            }

            identity = Read(status);
            return true;
        }

        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                return false;
            }

            identity = new FileIdentity(0, (ulong)file.CreationTimeUtc.Ticks);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The identity of the file <paramref name="handle"/> has open, whatever it is called now.</summary>
    public static FileIdentity Of(SafeFileHandle handle)
    {
        if (UseStat)
        {
            bool added = false;
            try
            {
                handle.DangerousAddRef(ref added);
                byte[] status = new byte[StatBufferSize];
                return Native.fstat((int)handle.DangerousGetHandle(), status) == 0
                    ? Read(status)
                    : throw new IOException($"fstat failed: error {Marshal.GetLastPInvokeError()}");
            }
            finally
            {
                if (added)
                {
                    handle.DangerousRelease();
                }
            }
        }

        return new FileIdentity(0, (ulong)File.GetCreationTimeUtc(handle).Ticks);
    }

    private static FileIdentity Read(ReadOnlySpan<byte> status) =>
        new(MemoryMarshal.Read<ulong>(status), MemoryMarshal.Read<ulong>(status[8..]));

    private static class Native
    {
        // Paths go as NUL-terminated UTF-8 bytes: no string marshalling to get wrong.
        [DllImport("libc", SetLastError = true)]
        public static extern int stat(byte[] path, byte[] status);

        [DllImport("libc", SetLastError = true)]
        public static extern int fstat(int descriptor, byte[] status);
    }
}

using System.Runtime.CompilerServices;

namespace LogLinq.Formats;

/// <summary>
/// Bytes before a line's text that are not part of it: the byte order mark some editors start a file
/// with, and the run of NUL bytes a copy-truncate rotation leaves when the server goes on writing at
/// its old offset past the file's new end (the hole reads as zeros, and holds no newline, so it
/// becomes the front of the next line).
/// </summary>
internal static class LineNoise
{
    /// <summary>How many leading bytes of <paramref name="line"/> to skip; a mark counts only on the file's first line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Length(ReadOnlySpan<byte> line, bool firstLineOfFile) =>
        line.IsEmpty || (line[0] != 0 && !firstLineOfFile) ? 0 : Measure(line, firstLineOfFile); // the test every other line takes

    private static int Measure(ReadOnlySpan<byte> line, bool firstLineOfFile)
    {
        int mark = firstLineOfFile ? Utf8Bom.Length(line) : 0;
        int nuls = line[mark..].IndexOfAnyExcept((byte)0);
        return mark + (nuls < 0 ? line.Length - mark : nuls);
    }
}

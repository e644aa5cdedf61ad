using System.Runtime.CompilerServices;

namespace LogLinq.Formats;

/// <summary>
/// Bytes before a line's text that are not part of it: the byte order mark some editors start a file
/// with (found on any line, since <c>cat a.log b.log</c> of two such files puts the second's mid-file),
/// and the run of NUL bytes a copy-truncate rotation leaves when the server goes on writing at its old
/// offset past the file's new end (the hole reads as zeros, and holds no newline, so it becomes the
/// front of the next line).
/// </summary>
internal static class LineNoise
{
    /// <summary>How many leading bytes of <paramref name="line"/> to skip.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Length(ReadOnlySpan<byte> line) =>
        // The test every other line takes, one compare: its first byte is neither 0 nor 0xEF, the mark's
        // first (the bytes above it, which start no line of text, also go the slow way).
        line.IsEmpty || (uint)(line[0] - 1) < 0xEE ? 0 : Measure(line);

    private static int Measure(ReadOnlySpan<byte> line)
    {
        int mark = Utf8Bom.Length(line);
        int nuls = line[mark..].IndexOfAnyExcept((byte)0);
        return mark + (nuls < 0 ? line.Length - mark : nuls);
    }
}

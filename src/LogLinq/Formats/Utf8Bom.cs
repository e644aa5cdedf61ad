namespace LogLinq.Formats;

/// <summary>
/// The UTF-8 byte order mark. Editors on Windows (and some IIS setups) start a log with one; left in
/// place it would hide the '#' or '{' that tells a format what the first line is.
/// </summary>
internal static class Utf8Bom
{
    /// <summary><paramref name="line"/> without a leading byte order mark.</summary>
    public static ReadOnlySpan<byte> Strip(ReadOnlySpan<byte> line) =>
        line.StartsWith("\uFEFF"u8) ? line[3..] : line;

    /// <summary>How many bytes of <paramref name="line"/> are a leading byte order mark: 3 or 0.</summary>
    public static int Length(ReadOnlySpan<byte> line) => line.StartsWith("\uFEFF"u8) ? 3 : 0;
}

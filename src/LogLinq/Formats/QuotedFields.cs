namespace LogLinq.Formats;

/// <summary>
/// The fields of a line that separates them by single spaces and groups the ones that may hold
/// spaces in quotes (<c>"GET / HTTP/1.1"</c>) or brackets (<c>[06/Feb/2019:00:00:38 +0000]</c>), as
/// AWS's logs and others do. A quoted field runs to the quote that ends it, one followed by a space or
/// the line's end, so a quote inside it does not cut it short.
/// </summary>
internal static class QuotedFields
{
    /// <summary>
    /// The first fields of <paramref name="line"/> into <paramref name="fields"/>, as many as fit,
    /// quotes and brackets included; returns how many were found.
    /// </summary>
    public static int Split(ReadOnlySpan<byte> line, Span<FieldRange> fields)
    {
        int count = 0;
        int pos = 0;
        while (count < fields.Length && pos < line.Length)
        {
            int end = line[pos] switch
            {
                (byte)'"' => GroupEnd(line, pos, (byte)'"'),
                (byte)'[' => GroupEnd(line, pos, (byte)']'),
                _ => line[pos..].IndexOf((byte)' ') is int space and >= 0 ? pos + space : line.Length,
            };
            fields[count++] = new FieldRange(pos, end - pos);
            pos = end + 1;
        }

        return count;
    }

    /// <summary>A field's value without the quotes or brackets around it.</summary>
    public static ReadOnlySpan<byte> Inside(ReadOnlySpan<byte> field) =>
        field.Length >= 2 && ((field[0] == '"' && field[^1] == '"') || (field[0] == '[' && field[^1] == ']')) ? field[1..^1] : field;

    // Past the closing byte of the group opened at start: the first one followed by a space or the end.
    private static int GroupEnd(ReadOnlySpan<byte> line, int start, byte close)
    {
        int end = start + 1;
        while (true)
        {
            int at = line[end..].IndexOf(close);
            if (at < 0)
            {
                return line.Length;
            }

            end += at + 1;
            if (end == line.Length || line[end] == ' ')
            {
                return end;
            }
        }
    }
}

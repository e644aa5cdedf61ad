using System.Text.Json;

namespace LogLinq.Formats;

/// <summary>
/// A line of Docker's <c>json-file</c> log driver (<c>/var/lib/docker/containers/*/*-json.log</c>):
/// what the container wrote, as a JSON string, with the stream and the time it was written,
/// <c>{"log":"192.0.2.1 - - [...] \"GET / HTTP/1.1\" 200 612\n","stream":"stdout","time":"..."}</c>.
/// The server's own line is the <c>log</c> member unescaped, without its newline.
/// </summary>
internal static class DockerLogLine
{
    /// <summary>
    /// Whether <paramref name="line"/> (without noise or leading blanks) is one: Docker writes <c>log</c>
    /// first, with no spaces; a tool that wrote the object again may have put them in
    /// (<c>{"log": "...", "stream": ...}</c>, as Python's <c>json.dumps</c> does).
    /// </summary>
    public static bool IsEnvelope(ReadOnlySpan<byte> line) => line.StartsWith("{\"log\":\""u8) || IsSpacedEnvelope(line);

    private static bool IsSpacedEnvelope(ReadOnlySpan<byte> line)
    {
        if (line is not [(byte)'{', .. var rest])
        {
            return false;
        }

        rest = rest.TrimStart(" \t"u8);
        if (!rest.StartsWith("\"log\""u8))
        {
            return false;
        }

        rest = rest[5..].TrimStart(" \t"u8);
        return rest is [(byte)':', .. var value] && value.TrimStart(" \t"u8) is [(byte)'"', ..];
    }

    /// <summary>
    /// The server's line inside <paramref name="line"/>, unescaped into <paramref name="buffer"/>
    /// (grown when too small): its first <paramref name="length"/> bytes. False, with the reason in
    /// <paramref name="error"/>, for a line that is not a whole Docker object (a truncated one among them).
    /// </summary>
    public static bool TryUnwrap(ReadOnlySpan<byte> line, ref byte[] buffer, out int length, out string? error)
    {
        length = 0;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
                || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("log"u8)
                || !reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                error = "not a Docker json-file line: expected {\"log\":\"...\" first";
                return false;
            }

            // Unescaping never lengthens a string.
            if (buffer.Length < reader.ValueSpan.Length)
            {
                buffer = new byte[Math.Max(reader.ValueSpan.Length, buffer.Length * 2)];
            }

            length = reader.CopyString(buffer);

            // The rest (the stream, the time) must be there too: a line cut short is damaged, even
            // where its "log" happens to be whole.
            while (reader.Read())
            {
                reader.Skip();
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0)
            {
                error = "a Docker json-file line cut short";
                return false;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            error = $"a Docker json-file line that is not valid JSON (at byte {(e as JsonException)?.BytePositionInLine ?? 0})";
            return false;
        }

        // The container's own line ended at its newline, which Docker keeps in the string.
        ReadOnlySpan<byte> payload = buffer.AsSpan(0, length);
        length = payload.TrimEnd("\r\n"u8).Length;
        error = null;
        return true;
    }
}

using System.Text;
using System.Text.Json;
using LogLinq.Records;

namespace LogLinq.Formats;

/// <summary>
/// Parses JSON lines: one JSON object per line, read with <see cref="Utf8JsonReader"/> straight over
/// the line's bytes, with no document built. Keys are matched case-insensitively against the
/// spellings of <see cref="JsonFieldNames"/>; nested objects and arrays are read past. A record
/// needs a usable time and status; every other field has a default.
/// </summary>
internal sealed class JsonLineParser : KeyedLineParser
{
    // An escaped string value (a rare thing in a log line) is unescaped here when it fits.
    private const int StackBytes = 256;

    /// <summary>Reads the line's object into <paramref name="found"/>; <see cref="LineResult.Record"/> when it was one.</summary>
    protected override LineResult Read(in LogLine line, ref KeyedFields found, out string? error)
    {
        ReadOnlyMemory<byte> memory = line.Bytes[LineNoise.Length(line.Bytes.Span)..];
        ReadOnlySpan<byte> bytes = memory.Span;
        if (IsBlank(bytes))
        {
            error = null;
            return LineResult.Skipped;
        }

        if (bytes.TrimStart(" \t"u8)[0] != '{')
        {
            error = NotAnObject(bytes);
            return LineResult.Malformed;
        }

        try
        {
            return ReadObject(bytes, ref found, out error);
        }
        catch (JsonException e)
        {
            error = $"invalid JSON: {WithoutPosition(e.Message)} (at byte {e.BytePositionInLine})";
            return LineResult.Malformed;
        }
    }

    private static LineResult ReadObject(ReadOnlySpan<byte> bytes, ref KeyedFields found, out string? error)
    {
        Span<byte> scratch = stackalloc byte[StackBytes];
        // Scoped to this frame, like the scratch buffer, so the two may be passed together.
        scoped Utf8JsonReader reader = new(bytes);
        reader.Read();

        Span<byte> keyPath = stackalloc byte[JsonFieldPaths.MaxLength];
        if (!ReadMembers(ref reader, bytes, ref found, scratch, keyPath, 0, out error))
        {
            return LineResult.Malformed;
        }

        // Past the object's end only whitespace may follow: a second value makes the reader throw here.
        if (reader.Read())
        {
            error = "unexpected text after the JSON object";
            return LineResult.Malformed;
        }

        return LineResult.Record;
    }

    /// <summary>
    /// Reads the members of the object the reader is in, up to its end, into <paramref name="found"/>.
    /// <paramref name="path"/> holds the dotted path of that object (its first
    /// <paramref name="prefixLength"/> bytes; none at the top), for the keys of nested logs.
    /// </summary>
    private static bool ReadMembers(
        ref Utf8JsonReader reader,
        ReadOnlySpan<byte> line,
        ref KeyedFields found,
        Span<byte> scratch,
        Span<byte> path,
        int prefixLength,
        out string? error)
    {
        error = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = new FieldRange((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
            ReadOnlySpan<byte> name = Value(ref reader, scratch);
            int length = Append(path, prefixLength, name);
            bool weak = false;
            JsonField field = prefixLength == 0 ? JsonFieldNames.Lookup(name, out weak)
                : length > 0 ? JsonFieldPaths.Lookup(path[..length], out weak)
                : JsonField.Ignored;
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                if (length > 0 && JsonFieldPaths.IsContainer(path[..length]))
                {
                    if (prefixLength == 0 && Ascii.EqualsIgnoreCase(name, "request"u8))
                    {
                        found.HasRequestObject();
                    }

                    if (!ReadMembers(ref reader, line, ref found, scratch, path, length, out error))
                    {
                        return false;
                    }
                }
                else
                {
                    reader.Skip();
                }

                continue;
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                // A header's values, as Caddy logs them: the first is the header.
                reader.Read();
                if (prefixLength > 0 && field != JsonField.Ignored && reader.TokenType == JsonTokenType.String
                    && !Take(ref found, field, weak, ref reader, line, key, scratch, out error))
                {
                    return false;
                }

                while (reader.TokenType != JsonTokenType.EndArray)
                {
                    reader.Skip();
                    reader.Read();
                }

                continue;
            }

            if (field == JsonField.Ignored || reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (!Take(ref found, field, weak, ref reader, line, key, scratch, out error))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Writes <paramref name="name"/> after the first <paramref name="prefixLength"/> bytes of
    /// <paramref name="path"/> (and a dot); the new length, or -1 when it does not fit.
    /// </summary>
    private static int Append(Span<byte> path, int prefixLength, ReadOnlySpan<byte> name)
    {
        int dot = prefixLength == 0 ? 0 : 1;
        int length = prefixLength + dot + name.Length;
        if (prefixLength < 0 || length > path.Length)
        {
            return -1;
        }

        if (dot == 1)
        {
            path[prefixLength] = (byte)'.';
        }

        name.CopyTo(path[(prefixLength + dot)..]);
        return length;
    }

    /// <summary>Puts the value the reader is on into its field; false when the value cannot be used.</summary>
    private static bool Take(
        ref KeyedFields found,
        JsonField field,
        bool weak,
        ref Utf8JsonReader reader,
        ReadOnlySpan<byte> line,
        FieldRange key,
        Span<byte> scratch,
        out string? error)
    {
        if (field == JsonField.Request)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                found.TakeRequest(Value(ref reader, scratch));
            }

            error = null;
            return true;
        }

        return found.Take(field, weak, Value(ref reader, scratch), reader.TokenType == JsonTokenType.String, key.Of(line), out error);
    }

    /// <summary>The current token's value, unescaped; borrows <paramref name="scratch"/> when it has to.</summary>
    private static ReadOnlySpan<byte> Value(ref Utf8JsonReader reader, Span<byte> scratch)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        Span<byte> into = reader.ValueSpan.Length <= scratch.Length ? scratch : new byte[reader.ValueSpan.Length];
        return into[..reader.CopyString(into)];
    }

    /// <summary>Why a line that does not open with '{' is not a record, naming what it is instead.</summary>
    private static string NotAnObject(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            reader.Read();
            JsonTokenType type = reader.TokenType;
            reader.Skip();
            if (!reader.Read())
            {
                string what = type switch
                {
                    JsonTokenType.StartArray => "an array",
                    JsonTokenType.String => "a string",
                    JsonTokenType.Number => "a number",
                    JsonTokenType.True or JsonTokenType.False => "a boolean",
                    _ => "null",
                };
                return $"not a JSON object: the line is {what}";
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: say what the line starts with instead.
        }

        return $"not a JSON object: the line starts {ErrorText.Quote(line.TrimStart(" \t"u8))}";
    }

    /// <summary>The reader's message without its "LineNumber: 0 | BytePositionInLine: n." tail, which is given apart.</summary>
    private static string WithoutPosition(string message)
    {
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }
}

using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using LogLinq.Language;

namespace LogLinq.Cli.Query;

/// <summary>
/// Writes a result as JSON lines: one object per row, keyed by column name, numbers as numbers,
/// durations as numbers of seconds, times as ISO 8601 strings, missing values as null. Written key by key, without reflection.
/// </summary>
internal static class JsonLinesResultWriter
{
    /// <summary>Writes <paramref name="columns"/> and <paramref name="rows"/> to <paramref name="output"/>.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="columns">The result's columns.</param>
    /// <param name="rows">The rows, written as they are read.</param>
    /// <param name="query">
    /// When set, each line is <c>{"query": QUERY, "row": {...}}</c>: the results of several queries can
    /// then share one stream, and a column that happens to be named <c>query</c> cannot clash.
    /// </param>
    /// <param name="eachRow">
    /// Whether each row is written to <paramref name="output"/> as soon as it is made (a live query's,
    /// for the reader at the other end); otherwise rows are written in blocks of about 64 KiB.
    /// </param>
    public static void Write(Stream output, IReadOnlyList<QueryColumn> columns, IEnumerable<object?[]> rows, string? query = null, bool eachRow = false)
    {
        // Paths carry query strings: keep '&', '+' and '<' readable. The output is for programs, not HTML.
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        // Rows are made in a buffer of our own: a writer over the stream flushed it at every row, a
        // write call each (4.1 M rows: 6.4 s, 2.1 of them in the kernel).
        var buffer = new ArrayBufferWriter<byte>(BlockSize + 4096);
        using var json = new Utf8JsonWriter(buffer, options);
        foreach (object?[] row in rows)
        {
            json.Reset();
            json.WriteStartObject();
            if (query is not null)
            {
                json.WriteString("query", query);
                json.WriteStartObject("row");
            }

            for (int i = 0; i < columns.Count; i++)
            {
                WriteValue(json, columns[i].Name, row[i]);
            }

            if (query is not null)
            {
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.Flush();
            buffer.Write("\n"u8);
            if (eachRow || buffer.WrittenCount >= BlockSize)
            {
                output.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
        }

        output.Write(buffer.WrittenSpan);
    }

    private const int BlockSize = 64 * 1024;

    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case int n:
                json.WriteNumber(name, n);
                break;
            case long n:
                json.WriteNumber(name, n);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumber(name, d);
                break;
            case double:
                // JSON has no NaN or infinity (a division by zero): say there is no number.
                json.WriteNull(name);
                break;
            case bool b:
                json.WriteBoolean(name, b);
                break;
            case TimeSpan duration:
                {
                    // Seconds, as a number: what jq, a spreadsheet or pandas computes with.
                    Span<char> seconds = stackalloc char[32];
                    DurationFormat.TryFormatSeconds(duration, seconds, out int written);
                    json.WritePropertyName(name);
                    json.WriteRawValue(seconds[..written], skipInputValidation: true);
                    break;
                }

            default:
                {
                    // A time (or any other value but text) formatted into a buffer, not a string: an
                    // export has one on every row.
                    Span<char> text = stackalloc char[64];
                    if (value is not string && CellText.TryFormat(value, text, out int written))
                    {
                        json.WriteString(name, text[..written]);
                    }
                    else
                    {
                        json.WriteString(name, CellText.Of(value));
                    }

                    break;
                }
        }
    }
}

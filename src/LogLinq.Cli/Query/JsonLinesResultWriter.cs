using System.Text.Encodings.Web;
using System.Text.Json;
using LogLinq.Language;

namespace LogLinq.Cli.Query;

/// <summary>
/// Writes a result as JSON lines: one object per row, keyed by column name, numbers as numbers,
/// times as ISO 8601 strings, missing values as null. Written key by key, without reflection.
/// </summary>
internal static class JsonLinesResultWriter
{
    /// <summary>Writes <paramref name="columns"/> and <paramref name="rows"/> to <paramref name="output"/>.</summary>
    public static void Write(Stream output, IReadOnlyList<QueryColumn> columns, IEnumerable<object?[]> rows)
    {
        // Paths carry query strings: keep '&', '+' and '<' readable. The output is for programs, not HTML.
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var json = new Utf8JsonWriter(output, options);
        foreach (object?[] row in rows)
        {
            json.Reset();
            json.WriteStartObject();
            for (int i = 0; i < columns.Count; i++)
            {
                WriteValue(json, columns[i].Name, row[i]);
            }

            json.WriteEndObject();
            json.Flush();
            output.Write("\n"u8);
        }
    }

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
            default:
                json.WriteString(name, CellText.Of(value));
                break;
        }
    }
}

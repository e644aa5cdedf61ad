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
    /// <param name="output">Where to write.</param>
    /// <param name="columns">The result's columns.</param>
    /// <param name="rows">The rows, written as they are read.</param>
    /// <param name="query">
    /// When set, each line is <c>{"query": QUERY, "row": {...}}</c>: the results of several queries can
    /// then share one stream, and a column that happens to be named <c>query</c> cannot clash.
    /// </param>
    public static void Write(Stream output, IReadOnlyList<QueryColumn> columns, IEnumerable<object?[]> rows, string? query = null)
    {
        // Paths carry query strings: keep '&', '+' and '<' readable. The output is for programs, not HTML.
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var json = new Utf8JsonWriter(output, options);
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

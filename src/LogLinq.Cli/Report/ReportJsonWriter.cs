using System.Text.Encodings.Web;
using System.Text.Json;

namespace LogLinq.Cli.Report;

/// <summary>
/// Writes a <see cref="TutorialReport"/> as one JSON object, key by key with
/// <see cref="Utf8JsonWriter"/>: no reflection, so no serializer start-up cost.
/// </summary>
internal static class ReportJsonWriter
{
    /// <summary>Writes the report, followed by a newline, to <paramref name="output"/>.</summary>
    /// <param name="output">Where to write; left open.</param>
    /// <param name="report">The answers.</param>
    /// <param name="malformed">How many malformed lines the scan skipped.</param>
    public static void Write(Stream output, TutorialReport report, long malformed)
    {
        // Made here rather than held in a static field: a static of a System.Text.Json type would load
        // that assembly whenever this class is touched, even by a run that prints a table.
        var options = new JsonWriterOptions
        {
            Indented = true,
            // Paths carry query strings: keep '&', '+' and '<' readable rather than \u0026. The output
            // goes to programs, never into an HTML page.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        using (var json = new Utf8JsonWriter(output, options))
        {
            json.WriteStartObject();
            json.WriteNumber("records", report.Records);
            json.WriteNumber("malformed", malformed);
            json.WriteNumber("totalBytes", report.TotalBytes);
            WriteStrings(json, "brokenDocuments", report.BrokenDocuments);
            json.WriteNumber("overOneMegabyte", report.OverOneMegabyte);
            if (report.Largest is { } largest)
            {
                json.WriteStartObject("largest");
                json.WriteString("path", largest.Path);
                json.WriteNumber("bytes", largest.Bytes);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("largest");
            }

            json.WriteNumber("uniqueHosts", report.UniqueHosts);
            WriteStrings(json, "robotsHosts", report.RobotsHosts);
            json.WriteStartArray("topDownloads");
            foreach (DownloadCount download in report.TopDownloads)
            {
                json.WriteStartObject();
                json.WriteString("path", download.Path);
                json.WriteNumber("count", download.Count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write("\n"u8);
        output.Flush();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}

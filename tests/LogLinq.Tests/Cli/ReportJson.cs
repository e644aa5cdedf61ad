using System.Text.Json;

namespace LogLinq.Tests.Cli;

/// <summary>The JSON object <c>loglinq report --format json</c> prints, read back for assertions.</summary>
internal sealed record ReportJson(
    long Records,
    long Malformed,
    long TotalBytes,
    string[] BrokenDocuments,
    long OverOneMegabyte,
    string? LargestPath,
    long? LargestBytes,
    long UniqueHosts,
    string[] RobotsHosts,
    (string Path, long Count)[] TopDownloads)
{
    /// <summary>The keys the object has, in the order they are written.</summary>
    public static readonly string[] Keys =
        ["records", "malformed", "totalBytes", "brokenDocuments", "overOneMegabyte", "largest", "uniqueHosts", "robotsHosts", "topDownloads"];

    /// <summary>Parses <paramref name="json"/>, which must be exactly one object with exactly <see cref="Keys"/>.</summary>
    public static ReportJson Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        root.ValueKind.Should().Be(JsonValueKind.Object);
        root.EnumerateObject().Select(p => p.Name).Should().Equal(Keys);

        JsonElement largest = root.GetProperty("largest");
        return new ReportJson(
            root.GetProperty("records").GetInt64(),
            root.GetProperty("malformed").GetInt64(),
            root.GetProperty("totalBytes").GetInt64(),
            Strings(root.GetProperty("brokenDocuments")),
            root.GetProperty("overOneMegabyte").GetInt64(),
            largest.ValueKind == JsonValueKind.Null ? null : largest.GetProperty("path").GetString(),
            largest.ValueKind == JsonValueKind.Null ? null : largest.GetProperty("bytes").GetInt64(),
            root.GetProperty("uniqueHosts").GetInt64(),
            Strings(root.GetProperty("robotsHosts")),
            [.. root.GetProperty("topDownloads").EnumerateArray()
                .Select(d => (d.GetProperty("path").GetString()!, d.GetProperty("count").GetInt64()))]);
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}

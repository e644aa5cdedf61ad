using System.Globalization;
using System.Text.Json;
using LogLinq.Formats;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Interchange;

/// <summary>
/// Reads the JSON lines <see cref="RecordJsonWriter"/> writes (and <c>loglinq query ... --format
/// json</c> prints for whole records) back into records, every field included. Unlike the JSON
/// log format, which reads the keys of many loggers and gives each record the line it came from,
/// it takes exactly the query language's keys and keeps a record's own <c>file</c> and <c>line</c>.
/// </summary>
public static class RecordJsonReader
{
    /// <summary>The records of <paramref name="input"/>, one per non-blank line, read lazily.</summary>
    /// <param name="input">The JSON lines; the sequence closes it when enumeration ends.</param>
    /// <param name="name">What to call the input in errors.</param>
    /// <returns>
    /// A sequence to enumerate once. A line that is not such an object throws <see cref="LogSourceException"/>
    /// naming <c>name:line</c> and what is wrong, after the records before it. A missing key takes the
    /// default a <see cref="LogRecord"/> gets (<c>-</c> for ident and user, null for referrer,
    /// agent, vhost and duration, empty text, 0), but for <c>time</c> and <c>status</c>, which a record needs.
    /// </returns>
    public static IEnumerable<LogRecord> Read(Stream input, string name = "JSON lines")
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(name);
        return ReadAll(input, name);
    }

    private static IEnumerable<LogRecord> ReadAll(Stream input, string name)
    {
        using var reader = new LineReader(input)
        {
            OverlongLine = (number, _) => throw new LogSourceException($"{name}:{number}: line longer than 16 MB", name),
            CutLine = (number, _) => throw new LogSourceException($"{name}:{number}: {LineReader.CutReason}", name),
        };
        while (reader.MoveNext())
        {
            ReadOnlySpan<byte> line = reader.Current;
            if (line.TrimStart(" \t"u8).IsEmpty)
            {
                continue;
            }

            LogRecord record;
            try
            {
                record = Parse(line, out string? problem) ?? throw new LogSourceException($"{name}:{reader.LineNumber}: {problem}", name);
            }
            catch (JsonException e)
            {
                throw new LogSourceException($"{name}:{reader.LineNumber}: invalid JSON at byte {e.BytePositionInLine}", name, null, e);
            }

            yield return record;
        }
    }

    private static LogRecord? Parse(ReadOnlySpan<byte> line, out string? problem)
    {
        var json = new Utf8JsonReader(line);
        if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
        {
            problem = "not a JSON object";
            return null;
        }

        string host = "", ident = "-", user = "-", method = "", path = "", protocol = "", file = "";
        string? referrer = null, agent = null, vhost = null;
        DateTimeOffset? time = null;
        TimeSpan? duration = null;
        int? status = null;
        long bytes = 0, number = 0;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            string key = json.GetString()!;
            json.Read();
            switch (key)
            {
                case "host": host = Text(ref json) ?? host; break;
                case "ident": ident = Text(ref json) ?? ident; break;
                case "user": user = Text(ref json) ?? user; break;
                case "method": method = Text(ref json) ?? method; break;
                case "path": path = Text(ref json) ?? path; break;
                case "protocol": protocol = Text(ref json) ?? protocol; break;
                case "referrer": referrer = Text(ref json); break;
                case "agent": agent = Text(ref json); break;
                case "vhost": vhost = Text(ref json); break;
                case "file": file = Text(ref json) ?? file; break;
                case "time":
                    if (json.TokenType != JsonTokenType.String || !json.TryGetDateTimeOffset(out DateTimeOffset t))
                    {
                        problem = "time: expected an ISO 8601 time with its offset";
                        return null;
                    }

                    time = t;
                    break;
                case "duration":
                    if (json.TokenType == JsonTokenType.Null)
                    {
                        break;
                    }

                    if (Duration(ref json) is not { } d)
                    {
                        problem = "duration: expected a number of seconds, or null";
                        return null;
                    }

                    duration = d;
                    break;
                case "status":
                    if (json.TokenType != JsonTokenType.Number || !json.TryGetInt32(out int s))
                    {
                        problem = "status: expected a whole number";
                        return null;
                    }

                    status = s;
                    break;
                case "bytes" or "line":
                    if (json.TokenType != JsonTokenType.Number || !json.TryGetInt64(out long n))
                    {
                        problem = $"{key}: expected a whole number";
                        return null;
                    }

                    (bytes, number) = key == "bytes" ? (n, number) : (bytes, n);
                    break;
                default:
                    json.Skip();
                    break;
            }
        }

        if (json.Read())
        {
            problem = "unexpected text after the JSON object";
            return null;
        }

        if (time is null || status is null)
        {
            problem = time is null ? "no time" : "no status";
            return null;
        }

        problem = null;
        return new LogRecord(host, time.Value, method, path, protocol, status.Value, bytes, referrer, agent, ident, user, file, number, vhost, duration);
    }

    /// <summary>
    /// A duration: a number of seconds, as <see cref="RecordJsonWriter"/> writes it (rounded to the
    /// tick, as a log's seconds are), or the <c>d.hh:mm:ss.fffffff</c> text that loglinq wrote before.
    /// Null for anything else, a negative duration included: no request takes less than no time.
    /// </summary>
    private static TimeSpan? Duration(ref Utf8JsonReader json)
    {
        const decimal MaxSeconds = long.MaxValue / (decimal)TimeSpan.TicksPerSecond;
        if (json.TokenType == JsonTokenType.Number)
        {
            return json.TryGetDecimal(out decimal seconds) && seconds >= 0 && seconds <= MaxSeconds
                ? TimeSpan.FromTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero))
                : null;
        }

        return json.TokenType == JsonTokenType.String
            && TimeSpan.TryParseExact(json.GetString(), "c", CultureInfo.InvariantCulture, out TimeSpan written) && written >= TimeSpan.Zero
            ? written
            : null;
    }

    private static string? Text(ref Utf8JsonReader json) => json.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String when !json.ValueIsEscaped => KnownText.Get(json.ValueSpan),
        JsonTokenType.String => json.GetString(),
        _ => throw new JsonException($"expected a string, found {json.TokenType}"),
    };
}

using System.Text;

namespace LogLinq.Tests.Query;

/// <summary>
/// The header-led logs the range tests read (<see cref="HeaderedRangeTests"/>, <see cref="HeaderedStreamTests"/>):
/// <paramref name="half"/> lines under one header, then <paramref name="half"/> under another or the same.
/// Line <c>i</c> of the first half is host <c>192.0.2.(i % 250)</c>, status 200 and <c>i</c> bytes; of
/// the second half (where it differs) host <c>198.51.100.(i % 250)</c>, status 404 and 1 byte.
/// </summary>
internal static class HeaderedLogs
{
    /// <summary>The second half's <c>#Fields:</c>, which starts the changed header.</summary>
    public const string ChangedFields = "#Fields: date time sc-bytes sc-status c-ip";

    /// <summary>The CSV header of the second half.</summary>
    public const string ReplacedCsvHeader = "bytes,status,time,host";

    /// <summary>An IIS log whose <c>#Fields:</c> lists the second half's fields in another order.</summary>
    public static string WithChangedFields(int half)
    {
        var text = new StringBuilder("#Software: Microsoft Internet Information Services 10.0\n#Fields: date time c-ip sc-status sc-bytes\n");
        AppendFirstHalf(text, half);
        text.Append(ChangedFields).Append('\n');
        for (int i = 0; i < half; i++)
        {
            text.Append($"2024-03-01 01:{i / 60 % 60:D2}:{i % 60:D2} 1 404 198.51.100.{i % 250}\n");
        }

        return text.ToString();
    }

    /// <summary>A CSV log whose header is replaced, its columns in another order, halfway.</summary>
    public static string WithReplacedCsvHeader(int half)
    {
        var text = new StringBuilder("time,host,status,bytes\n");
        for (int i = 0; i < half; i++)
        {
            text.Append($"2024-03-01T00:{i / 60 % 60:D2}:{i % 60:D2}Z,192.0.2.{i % 250},200,{i}\n");
        }

        text.Append(ReplacedCsvHeader).Append('\n');
        for (int i = 0; i < half; i++)
        {
            text.Append($"1,404,2024-03-01T01:{i / 60 % 60:D2}:{i % 60:D2}Z,198.51.100.{i % 250}\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// An IIS log that restarts halfway: the directives again, with a new <c>#Date:</c> and the same
    /// <c>#Fields:</c>. Every fourth line (<c>i % 4 == 0</c>, over both halves) is a 404.
    /// </summary>
    public static string WithRestart(int half, string newline)
    {
        const string Fields = "#Fields: date time c-ip cs-method cs-uri-stem sc-status sc-bytes\n";
        var text = new StringBuilder("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2024-03-01 00:00:00\n" + Fields);
        for (int i = 0; i < 2 * half; i++)
        {
            if (i == half)
            {
                text.Append("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2024-03-01 06:00:00\n" + Fields);
            }

            text.Append($"2024-03-01 {i / 3600:D2}:{i / 60 % 60:D2}:{i % 60:D2} 192.0.2.{i % 250} GET /page{i % 50}.html {(i % 4 == 0 ? 404 : 200)} {i}\n");
        }

        return text.Replace("\n", newline).ToString();
    }

    /// <summary>An IIS log of <c>2 × half</c> lines of the first half's kind whose line <paramref name="malformed"/> (from 0) has four fields of five.</summary>
    public static string WithMalformedLine(int half, int malformed)
    {
        var text = new StringBuilder("#Fields: date time c-ip sc-status sc-bytes\n");
        for (int i = 0; i < 2 * half; i++)
        {
            text.Append(i == malformed ? "2024-03-01 00:00:00 192.0.2.1 200\n" : $"2024-03-01 00:{i / 60 % 60:D2}:{i % 60:D2} 192.0.2.{i % 250} 200 {i}\n");
        }

        return text.ToString();
    }

    private static void AppendFirstHalf(StringBuilder text, int half)
    {
        for (int i = 0; i < half; i++)
        {
            text.Append($"2024-03-01 00:{i / 60 % 60:D2}:{i % 60:D2} 192.0.2.{i % 250} 200 {i}\n");
        }
    }
}

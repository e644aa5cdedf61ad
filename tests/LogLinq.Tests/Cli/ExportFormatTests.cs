using System.Globalization;

namespace LogLinq.Tests.Cli;

/// <summary>
/// Times and numbers in CSV, TSV and JSON lines, as the built loglinq writes them without making a
/// string of each: the same text as .NET's own formatting of the same values (ISO 8601, the fraction
/// without trailing zeros, the offset as ±hh:mm).
/// </summary>
public sealed class ExportFormatTests : IDisposable
{
    private static readonly string[] Times =
    [
        "24/Feb/2008:00:08:59 -0600",
        "2026-11-25T10:00:00.1234567+05:30",
        "2026-11-25T10:00:00.5Z",
        "2026-11-25T23:59:59.0001-09:30",
        "0099-01-01T00:00:00.120+14:00",
    ];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("csv", ",", "\r\n")]
    [InlineData("tsv", "\t", "\n")]
    public async Task Times_and_numbers_read_as_dotnet_writes_them(string format, string separator, string newline)
    {
        string log = _dir.WriteLines(
            "times.log",
            [.. Times.Select((time, i) => $"192.0.2.{i} - - [{time}] \"GET /{i} HTTP/1.1\" 200 {(long)Math.Pow(10, i + 3) - 1}")]);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", $"from \"{log}\" | select time, bytes, status", "--format", format]);

        string expected = $"time{separator}bytes{separator}status{newline}" + string.Concat(Times.Select((time, i) =>
            $"{Parse(time).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)}{separator}{(long)Math.Pow(10, i + 3) - 1}{separator}200{newline}"));
        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(expected);
    }

    [Fact]
    public async Task Json_lines_carry_the_same_times_and_numbers_as_numbers()
    {
        string log = _dir.WriteLines(
            "times.log",
            [.. Times.Select((time, i) => $"192.0.2.{i} - - [{time}] \"GET /{i} HTTP/1.1\" 200 {(long)Math.Pow(10, i + 3) - 1}")]);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", $"from \"{log}\" | select time, bytes, status", "--format", "json"]);

        string expected = string.Concat(Times.Select((time, i) =>
            $"{{\"time\":\"{Parse(time).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)}\",\"bytes\":{(long)Math.Pow(10, i + 3) - 1},\"status\":200}}\n"));
        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(expected);
    }

    private static DateTimeOffset Parse(string time) =>
        time.Contains('/')
            ? DateTimeOffset.ParseExact(time, "dd/MMM/yyyy:HH:mm:ss zzz", CultureInfo.InvariantCulture)
            : DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

using System.Text;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Sources;

/// <summary>
/// A log saved as UTF-16, as Windows PowerShell's <c>&gt;</c> and <c>Out-File</c> write a copy
/// (<c>Get-Content access.log | Select-String 404 &gt; 404.log</c>): told by its byte order mark and read
/// as the same text in UTF-8, not as lines of zeros between letters that are all malformed.
/// </summary>
public sealed class Utf16LogTests
{
    private const string Lines =
        "1.2.3.4 - - [10/Oct/2023:13:55:36 +0000] \"GET /caf\u00e9 HTTP/1.1\" 200 5 \"-\" \"ua\"\r\n"
        + "1.2.3.5 - - [10/Oct/2023:13:55:37 +0000] \"GET /b HTTP/1.1\" 404 6 \"-\" \"ua\"\r\n";

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void A_utf16_log_is_read_as_its_text(string encodingName)
    {
        using var temp = new TempDirectory();
        Encoding encoding = Encoding.GetEncoding(encodingName);
        string log = temp.Write("copy.log", [.. encoding.GetPreamble(), .. encoding.GetBytes(Lines)]);
        var report = new ParseReport();
        var options = new LogSourceOptions { Report = report, MaxDegreeOfParallelism = 2, MinPartSize = 64 };

        LogSource.Open(log, options).Select(r => r.Host + " " + r.Path).ToList().Should().Equal("1.2.3.4 /caf\u00e9", "1.2.3.5 /b");
        LogSource.Open(log, options).Sum(r => r.Bytes).Should().Be(11);
        LogSource.Open(log, options).Count(r => r.Status == 404).Should().Be(1);
        report.Malformed.Should().Be(0);
    }
}

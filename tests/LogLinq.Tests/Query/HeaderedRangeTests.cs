using System.Text;
using FluentAssertions;
using LogLinq.Formats;
using LogLinq.Query;
using LogLinq.Query.Execution;
using LogLinq.Records;
using LogLinq.Sources;
using Xunit;

namespace LogLinq.Tests.Query;

/// <summary>
/// W3C and CSV files cut into ranges: a range past the head is read with the head's header, and
/// again with the header in force where it starts if another came between. The expectations are
/// the sums of the numbers the tests write, worked out apart from any scan.
/// </summary>
public sealed class HeaderedRangeTests : IDisposable
{
    private const int PartSize = 64 * 1024;
    private const int Half = 3000;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("w3c")]
    [InlineData("auto")]
    public void A_changed_fields_directive_reads_the_ranges_after_it_by_it(string formatName)
    {
        // The second half's fields come in another order: read with the first header, its bytes
        // would be its statuses and its hosts its times.
        var text = new StringBuilder("#Software: Microsoft Internet Information Services 10.0\n#Fields: date time c-ip sc-status sc-bytes\n");
        for (int i = 0; i < Half; i++)
        {
            text.Append($"2024-03-01 00:{i / 60 % 60:D2}:{i % 60:D2} 192.0.2.{i % 250} 200 {i}\n");
        }

        text.Append("#Fields: date time sc-bytes sc-status c-ip\n");
        for (int i = 0; i < Half; i++)
        {
            text.Append($"2024-03-01 01:{i / 60 % 60:D2}:{i % 60:D2} 1 404 198.51.100.{i % 250}\n");
        }

        string path = _dir.Write("u_ex240301.log", text.ToString());
        LogFormat format = LogFormat.FromName(formatName);
        PartsPastTheChange(path, format, "#Fields: date time sc-bytes").Should().BeGreaterThan(0);
        var report = new ParseReport();
        var counters = new ReadCounters();
        LogSourceOptions options = Options(format, report, counters);

        long sum = LogSource.Open(path, options).Sum(r => r.Bytes);

        sum.Should().Be(((long)Half * (Half - 1) / 2) + Half);
        report.Malformed.Should().Be(0);
        report.Records.Should().Be(2 * Half);
        counters.BytesRead.Should().BeGreaterThan(new FileInfo(path).Length + PartSize, "the ranges after the change were read again");
        LogSource.Open(path, options).Count(r => r.Status == 404 && r.Host.StartsWith("198.51.100.")).Should().Be(Half);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")] // as IIS writes them
    public void An_iis_restart_that_repeats_the_same_fields_reads_every_range_once(string newline)
    {
        // IIS writes its directives again when it restarts, with a new #Date: and the same #Fields:.
        const string Fields = "#Fields: date time c-ip cs-method cs-uri-stem sc-status sc-bytes\n";
        var text = new StringBuilder("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2024-03-01 00:00:00\n" + Fields);
        for (int i = 0; i < 2 * Half; i++)
        {
            if (i == Half)
            {
                text.Append("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2024-03-01 06:00:00\n" + Fields);
            }

            text.Append($"2024-03-01 {i / 3600:D2}:{i / 60 % 60:D2}:{i % 60:D2} 192.0.2.{i % 250} GET /page{i % 50}.html {(i % 4 == 0 ? 404 : 200)} {i}\n");
        }

        string path = _dir.Write("u_ex240301.log", text.Replace("\n", newline).ToString());
        List<ScanPart> parts = ScanPartitioner.Partition([path], LogFormat.W3c, 2, allowSplit: true, PartSize, splitHeaded: true);
        parts.Should().HaveCountGreaterThan(2);
        var report = new ParseReport();
        var counters = new ReadCounters();

        int notFound = LogSource.Open(path, Options(LogFormat.W3c, report, counters)).Count(r => r.Status == 404);

        notFound.Should().Be(2 * Half / 4);
        report.Malformed.Should().Be(0);
        long length = new FileInfo(path).Length;
        counters.BytesRead.Should().BeInRange(length, length + (parts.Count * PartSize), "each range once, and the head for each after the first");
    }

    [Fact]
    public void A_malformed_line_in_a_later_range_is_named_by_its_line_in_the_file()
    {
        var text = new StringBuilder("#Fields: date time c-ip sc-status sc-bytes\n");
        for (int i = 0; i < 2 * Half; i++)
        {
            // Line 2 + 5000: four fields.
            text.Append(i == 5000 ? "2024-03-01 00:00:00 192.0.2.1 200\n" : $"2024-03-01 00:{i / 60 % 60:D2}:{i % 60:D2} 192.0.2.{i % 250} 200 {i}\n");
        }

        string path = _dir.Write("u_ex240301.log", text.ToString());
        var report = new ParseReport();

        LogSource.Open(path, Options(LogFormat.W3c, report)).LongCount().Should().Be((2 * Half) - 1);

        report.Samples.Should().Equal(new MalformedLine(path, 5002, "expected 5 fields, as the #Fields: header lists ('date time c-ip sc-status sc-bytes'), found 4"));
    }

    [Fact]
    public void A_csv_header_replaced_mid_file_reads_the_ranges_after_it_by_it()
    {
        var text = new StringBuilder("time,host,status,bytes\n");
        for (int i = 0; i < Half; i++)
        {
            text.Append($"2024-03-01T00:{i / 60 % 60:D2}:{i % 60:D2}Z,192.0.2.{i % 250},200,{i}\n");
        }

        text.Append("bytes,status,time,host\n");
        for (int i = 0; i < Half; i++)
        {
            text.Append($"1,404,2024-03-01T01:{i / 60 % 60:D2}:{i % 60:D2}Z,198.51.100.{i % 250}\n");
        }

        string path = _dir.Write("usage.csv", text.ToString());
        PartsPastTheChange(path, LogFormat.Csv, "bytes,status").Should().BeGreaterThan(0);
        var report = new ParseReport();

        long sum = LogSource.Open(path, Options(LogFormat.Csv, report)).Sum(r => r.Bytes);

        sum.Should().Be(((long)Half * (Half - 1) / 2) + Half);
        report.Malformed.Should().Be(0);
        report.Records.Should().Be(2 * Half);
    }

    private static LogSourceOptions Options(LogFormat format, ParseReport report, ReadCounters? counters = null) =>
        new() { MaxDegreeOfParallelism = 2, MinPartSize = PartSize, Format = format, Report = report, Counters = counters };

    // How many ranges of the file start past the line that starts with the given text: those read with a header not in force there.
    private static int PartsPastTheChange(string path, LogFormat format, string changedHeader)
    {
        long change = Encoding.UTF8.GetString(File.ReadAllBytes(path)).IndexOf("\n" + changedHeader, StringComparison.Ordinal);
        change.Should().BePositive();
        return ScanPartitioner.Partition([path], format, 2, allowSplit: true, PartSize, splitHeaded: true).Count(p => p.Start > change);
    }
}

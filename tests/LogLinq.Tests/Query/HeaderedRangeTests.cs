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
        string path = _dir.Write("u_ex240301.log", HeaderedLogs.WithChangedFields(Half));
        LogFormat format = LogFormat.FromName(formatName);
        PartsPastTheChange(path, format, HeaderedLogs.ChangedFields).Should().BeGreaterThan(0);
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
        string path = _dir.Write("u_ex240301.log", HeaderedLogs.WithRestart(Half, newline));
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
        // Line 2 + 5000: four fields.
        string path = _dir.Write("u_ex240301.log", HeaderedLogs.WithMalformedLine(Half, 5000));
        var report = new ParseReport();

        LogSource.Open(path, Options(LogFormat.W3c, report)).LongCount().Should().Be((2 * Half) - 1);

        report.Samples.Should().Equal(new MalformedLine(path, 5002, "expected 5 fields, as the #Fields: header lists ('date time c-ip sc-status sc-bytes'), found 4"));
    }

    [Fact]
    public void A_csv_header_replaced_mid_file_reads_the_ranges_after_it_by_it()
    {
        string path = _dir.Write("usage.csv", HeaderedLogs.WithReplacedCsvHeader(Half));
        PartsPastTheChange(path, LogFormat.Csv, HeaderedLogs.ReplacedCsvHeader).Should().BeGreaterThan(0);
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

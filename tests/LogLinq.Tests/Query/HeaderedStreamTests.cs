using System.Text;
using LogLinq.Formats;
using LogLinq.Query;
using LogLinq.Query.Execution;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Tests.Query;

/// <summary>
/// W3C and CSV files cut into ranges for the parallel stream (a <c>select</c> of fields): a range
/// past the head is read with the head's header, and before any of its rows is handed out, the
/// consumer checks that header against the one in force at the end of the range before; where
/// another came between, the range is read again with it. The rows are the sequential stream's
/// (one worker), and for a changed header also worked out apart from any scan.
/// </summary>
public sealed class HeaderedStreamTests : IDisposable
{
    // Parts of the stream are four least parts: 128 KiB here, so the files below are several.
    private const int LeastPart = 32 * 1024;
    private const int Half = 10000;

    // What a range past the head reads of it, and at most what a range reads past its end (the rest of its last line).
    private const int HeadRead = 64 * 1024;
    private const int TailRead = 4096 + 1;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("w3c", "\n")]
    [InlineData("auto", "\n")]
    [InlineData("w3c", "\r\n")]
    public void A_changed_fields_directive_has_the_ranges_after_it_read_again_by_it(string formatName, string newline)
    {
        // The second half's fields come in another order: read with the first header, its bytes
        // would be its hosts, and every line of it malformed.
        string path = _dir.Write("u_ex240301.log", HeaderedLogs.WithChangedFields(Half).Replace("\n", newline, StringComparison.Ordinal));
        LogFormat format = LogFormat.FromName(formatName);
        var report = new ParseReport();
        var counters = new ReadCounters();

        List<object[]> rows = Rows(path, Options(format, report, counters));

        rows.Select(r => ((string)r[0], (int)r[1], (long)r[2])).Should().Equal(
            Enumerable.Range(0, Half).Select(i => ($"192.0.2.{i % 250}", 200, (long)i))
                .Concat(Enumerable.Range(0, Half).Select(i => ($"198.51.100.{i % 250}", 404, 1L))));
        rows.Should().BeEquivalentTo(Rows(path, Sequential(format)), o => o.WithStrictOrdering());
        report.Malformed.Should().Be(0, "the counts of a range read with the wrong header are not reported");
        report.Records.Should().Be(2 * Half);
        ReadOnce(format, counters.BytesRead, path).Should().BeGreaterThanOrEqualTo(RangesPastTheChange(path, format, HeaderedLogs.ChangedFields), "the ranges after the change were read again");
    }

    [Fact]
    public void A_csv_header_replaced_mid_file_has_the_ranges_after_it_read_again_by_it()
    {
        string path = _dir.Write("usage.csv", HeaderedLogs.WithReplacedCsvHeader(Half));
        var report = new ParseReport();
        var counters = new ReadCounters();

        List<object[]> rows = Rows(path, Options(LogFormat.Csv, report, counters));

        rows.Select(r => ((string)r[0], (int)r[1], (long)r[2])).Should().Equal(
            Enumerable.Range(0, Half).Select(i => ($"192.0.2.{i % 250}", 200, (long)i))
                .Concat(Enumerable.Range(0, Half).Select(i => ($"198.51.100.{i % 250}", 404, 1L))));
        rows.Should().BeEquivalentTo(Rows(path, Sequential(LogFormat.Csv)), o => o.WithStrictOrdering());
        report.Malformed.Should().Be(0);
        report.Records.Should().Be(2 * Half);
        ReadOnce(LogFormat.Csv, counters.BytesRead, path).Should().BeGreaterThanOrEqualTo(RangesPastTheChange(path, LogFormat.Csv, HeaderedLogs.ReplacedCsvHeader));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")] // as IIS writes them
    public void An_iis_restart_that_repeats_the_same_fields_reads_every_range_once(string newline)
    {
        // IIS writes its directives again when it restarts, with a new #Date: and the same #Fields:.
        string path = _dir.Write("u_ex240301.log", HeaderedLogs.WithRestart(Half, newline));
        var report = new ParseReport();
        var counters = new ReadCounters();

        List<object[]> rows = Rows(path, Options(LogFormat.W3c, report, counters), r => r.Status == 404);

        rows.Select(r => (long)r[2]).Should().Equal(Enumerable.Range(0, 2 * Half).Where(i => i % 4 == 0).Select(i => (long)i));
        rows.Should().BeEquivalentTo(Rows(path, Sequential(LogFormat.W3c), r => r.Status == 404), o => o.WithStrictOrdering());
        report.Malformed.Should().Be(0);
        ReadOnce(LogFormat.W3c, counters.BytesRead, path).Should().Be(0, "each range is read once, and the head for each after the first");
    }

    [Fact]
    public void Files_with_different_fields_are_each_read_by_their_own()
    {
        // Each file's ranges assume its own head: the first file's header, in force at its end, is not the second's.
        var first = new StringBuilder("#Fields: date time c-ip sc-status sc-bytes\n");
        var second = new StringBuilder("#Fields: date time sc-bytes sc-status c-ip\n");
        for (int i = 0; i < Half; i++)
        {
            first.Append($"2024-03-01 00:{i / 60 % 60:D2}:{i % 60:D2} 192.0.2.{i % 250} 200 {i}\n");
            second.Append($"2024-03-02 00:{i / 60 % 60:D2}:{i % 60:D2} {i} 404 198.51.100.{i % 250}\n");
        }

        _dir.Write("u_ex240301.log", first.ToString());
        string path = _dir.Write("u_ex240302.log", second.ToString());
        string glob = Path.Combine(Path.GetDirectoryName(path)!, "u_ex*.log");
        var report = new ParseReport();
        var counters = new ReadCounters();

        List<object[]> rows = Rows(glob, Options(LogFormat.W3c, report, counters));

        rows.Select(r => ((string)r[0], (int)r[1], (long)r[2])).Should().Equal(
            Enumerable.Range(0, Half).Select(i => ($"192.0.2.{i % 250}", 200, (long)i))
                .Concat(Enumerable.Range(0, Half).Select(i => ($"198.51.100.{i % 250}", 404, (long)i))));
        rows.Should().BeEquivalentTo(Rows(glob, Sequential(LogFormat.W3c)), o => o.WithStrictOrdering());
        report.Malformed.Should().Be(0);
        ReadOnce(LogFormat.W3c, counters.BytesRead, _dir.File("u_ex240301.log"), path).Should().Be(0, "no range is read again");
    }

    [Fact]
    public void A_malformed_line_in_a_later_range_is_named_by_its_line_in_the_file()
    {
        // Line 2 + 12000, a few ranges in: four fields.
        string path = _dir.Write("u_ex240301.log", HeaderedLogs.WithMalformedLine(Half, 12000));
        var report = new ParseReport();

        Rows(path, Options(LogFormat.W3c, report)).Should().HaveCount((2 * Half) - 1);

        report.Samples.Should().Equal(new MalformedLine(path, 12002, "expected 5 fields, as the #Fields: header lists ('date time c-ip sc-status sc-bytes'), found 4"));
    }

    [Fact]
    public void Stopping_early_reads_a_few_ranges_and_closes_every_file()
    {
        var text = new StringBuilder("#Software: Microsoft Internet Information Services 10.0\n#Fields: date time c-ip sc-status sc-bytes\n");
        for (int i = 0; i < 20 * Half; i++)
        {
            text.Append($"2024-03-01 00:{i / 60 % 60:D2}:{i % 60:D2} 192.0.2.{i % 250} 200 {i}\n");
        }

        string path = _dir.Write("u_ex240301.log", text.ToString());
        long size = new FileInfo(path).Length;
        var counters = new ReadCounters();

        using (IEnumerator<object[]> rows = Query(path, Options(LogFormat.W3c, new ParseReport(), counters)).GetEnumerator())
        {
            for (int i = 0; i < 5 && rows.MoveNext(); i++)
            {
            }
        }

        long read = counters.BytesRead;
        read.Should().BeLessThan(size / 4, "the first part, and a few ahead of it, each with the head");
        counters.FilesClosed.Should().Be(counters.FilesOpened);
        Thread.Sleep(100);
        counters.BytesRead.Should().Be(read, "no worker reads on after the enumeration is disposed");
    }

    [Fact]
    public void Stopping_in_a_range_read_again_stops_its_scan_and_closes_every_file()
    {
        var text = new StringBuilder("#Fields: date time c-ip sc-status sc-bytes\n");
        for (int i = 0; i < Half; i++)
        {
            text.Append($"2024-03-01 00:{i / 60 % 60:D2}:{i % 60:D2} 192.0.2.{i % 250} 200 {i}\n");
        }

        text.Append("#Fields: date time sc-bytes sc-status c-ip\n");
        for (int i = 0; i < 40 * Half; i++)
        {
            text.Append($"2024-03-01 01:{i / 60 % 60:D2}:{i % 60:D2} 1 404 198.51.100.{i % 250}\n");
        }

        string path = _dir.Write("u_ex240301.log", text.ToString());
        long size = new FileInfo(path).Length;
        var report = new ParseReport();
        var counters = new ReadCounters();
        var taken = new List<object[]>();

        // Well past the change: into the first range read again.
        using (IEnumerator<object[]> rows = Query(path, Options(LogFormat.W3c, report, counters)).GetEnumerator())
        {
            while (taken.Count < 2 * Half && rows.MoveNext())
            {
                taken.Add(rows.Current);
            }
        }

        taken.Skip(Half).Should().OnlyContain(r => (int)r[1] == 404 && (long)r[2] == 1);
        report.Malformed.Should().Be(0, "the ranges scanned ahead with the head's header, unchecked, are not counted");
        long read = counters.BytesRead;
        read.Should().BeLessThan(size / 4);
        counters.FilesClosed.Should().Be(counters.FilesOpened);
        Thread.Sleep(100);
        counters.BytesRead.Should().Be(read, "neither the workers nor the range's second scan read on after the enumeration is disposed");
    }

    private static LogSourceOptions Options(LogFormat format, ParseReport report, ReadCounters? counters = null) =>
        new() { MaxDegreeOfParallelism = 2, MinPartSize = LeastPart, Format = format, Report = report, Counters = counters };

    // The sequential stream: one worker.
    private static LogSourceOptions Sequential(LogFormat format) => new() { MaxDegreeOfParallelism = 1, MinPartSize = LeastPart, Format = format };

    private static IQueryable<object[]> Query(string path, LogSourceOptions options, System.Linq.Expressions.Expression<Func<LogRecord, bool>>? where = null) =>
        LogSource.Open(path, options).Where(where ?? (r => true)).Select(r => new object[] { (object)r.Host, r.Status, r.Bytes, r.Time });

    private static List<object[]> Rows(string path, LogSourceOptions options, System.Linq.Expressions.Expression<Func<LogRecord, bool>>? where = null)
    {
        IQueryable<object[]> query = Query(path, options, where);
        query.Explain().Should().Contain(options.MaxDegreeOfParallelism > 1 ? "handed out in file order" : "sequential");
        return [.. query];
    }

    // The stream's ranges of the file.
    private static List<ScanPart> Parts(string path, LogFormat format) =>
        ScanPartitioner.Partition([path], format, 2, allowSplit: true, LeastPart, splitHeaded: true, evenPartSize: 4 * LeastPart);

    // The bytes read beyond reading each range of the files once (and the head for each after the
    // first, and the rest of its last line): 0 when no range was read again.
    private static long ReadOnce(LogFormat format, long bytesRead, params string[] paths)
    {
        long length = 0;
        long once = 0;
        foreach (string path in paths)
        {
            List<ScanPart> parts = Parts(path, format);
            parts.Should().HaveCountGreaterThan(2, "the file is cut into several ranges");
            long size = new FileInfo(path).Length;
            length += size;
            once += size + (parts.Count(p => p.ReadsHeadFirst) * Math.Min(HeadRead, size)) + (parts.Count * TailRead);
        }

        bytesRead.Should().BeGreaterThanOrEqualTo(length);
        return Math.Max(0, bytesRead - once);
    }

    // The bytes of the ranges that start past the line that starts with the given text: read with a header not in force there.
    private static long RangesPastTheChange(string path, LogFormat format, string changedHeader)
    {
        long change = Encoding.UTF8.GetString(File.ReadAllBytes(path)).IndexOf("\n" + changedHeader, StringComparison.Ordinal);
        change.Should().BePositive();
        long past = Parts(path, format).Where(p => p.Start > change).Sum(p => p.End - p.Start);
        past.Should().BeGreaterThan(2 * 4 * LeastPart);
        return past;
    }
}

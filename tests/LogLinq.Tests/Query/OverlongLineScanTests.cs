using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Sources;
using static LogLinq.Tests.Query.OverlongLogFixture;

namespace LogLinq.Tests.Query;

/// <summary>
/// A line longer than 16 MB is one malformed line, with its own number, in every way a file is read:
/// the lazy scan, the block scan of an aggregate cut into ranges (cuts at both ends of such a line and
/// inside it), the parallel stream of rows, a literal pre-filter, gzip input and strict mode. The lines
/// after it keep their numbers. The expected numbers are those the fixture kept while writing the file.
/// </summary>
public sealed class OverlongLineScanTests(OverlongLogFixture log) : IClassFixture<OverlongLogFixture>
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_lazy_scan_numbers_the_lines_after_an_over_long_one_as_the_file_does(bool gzip)
    {
        var report = new ParseReport();
        var options = new LogSourceOptions { MaxDegreeOfParallelism = 1, Report = report };

        List<long> numbers = [.. LogSource.Open(gzip ? log.GzipPath : log.Path, options).Select(r => r.LineNumber)];

        numbers.Should().Equal(log.NumbersOf(LineKind.Record));
        ShouldReportTheMalformedLines(report, gzip ? log.GzipPath : log.Path);
    }

    [Theory]
    [InlineData(2, 8 * MiB)]  // as the command cuts it
    [InlineData(2, 1 * MiB)]
    [InlineData(3, 64 * 1024)] // hundreds of ranges inside the over-long lines
    public void An_aggregate_cut_into_ranges_counts_an_over_long_line_once_with_its_number(int workers, long minPartSize)
    {
        var report = new ParseReport();
        var options = new LogSourceOptions { MaxDegreeOfParallelism = workers, MinPartSize = minPartSize, Report = report };

        long count = LogSource.Open(log.Path, options).LongCount();

        count.Should().Be(log.RecordPaths.Count);
        ShouldReportTheMalformedLines(report, log.Path);
    }

    [Fact]
    public void The_parallel_stream_of_rows_cut_at_each_end_of_an_over_long_line_loses_and_adds_no_line()
    {
        // Parts of 4 MB: cuts where the first over-long line starts and where the line after it starts.
        var report = new ParseReport();
        var options = new LogSourceOptions { MaxDegreeOfParallelism = 2, MinPartSize = 1 * MiB, Report = report };
        IQueryable<object[]> rows = LogSource.Open(log.Path, options).Select(r => new object[] { (object)r.Path });

        List<string> paths = [.. rows.AsEnumerable().Select(r => (string)r[0])];

        rows.Explain().Should().Contain("worker(s) make the rows");
        paths.Should().Equal(log.RecordPaths);
        ShouldReportTheMalformedLines(report, log.Path);
    }

    [Theory]
    [InlineData(1, 8 * MiB)]
    [InlineData(2, 1 * MiB)]
    public void A_literal_pre_filter_skips_to_the_lines_after_an_over_long_one_with_their_numbers(int workers, long minPartSize)
    {
        var report = new ParseReport();
        var options = new LogSourceOptions { MaxDegreeOfParallelism = workers, MinPartSize = minPartSize, Report = report };

        List<long> numbers = [.. LogSource.Open(log.Path, options).Where(r => r.Path == "/target").Select(r => r.LineNumber)];
        long count = LogSource.Open(log.Path, options).LongCount(r => r.Path == "/end");

        long target = log.NumbersOf(LineKind.Record)[log.RecordPaths.ToList().IndexOf("/target")];
        numbers.Should().Equal(target);
        count.Should().Be(1);

        // The lines the pre-filter rules out are not parsed, but an over-long line is always counted.
        report.Samples.Where(s => s.Reason == LineReader.OverlongReason).Select(s => s.LineNumber).Distinct()
            .Should().Equal(log.NumbersOf(LineKind.Overlong));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Strict_mode_stops_at_the_over_long_line_with_its_number(bool gzip)
    {
        string path = gzip ? log.GzipPath : log.Path;
        var options = new LogSourceOptions { Strict = true, MinPartSize = 1 * MiB };

        Action count = () => LogSource.Open(path, options).LongCount();

        MalformedLine line = count.Should().Throw<MalformedLogException>().Which.Line;
        line.Should().Be(new MalformedLine(path, log.NumbersOf(LineKind.Overlong)[0], LineReader.OverlongReason));
        log.NumbersOf(LineKind.Malformed, LineKind.Overlong)[0].Should().Be(line.LineNumber, "it is the file's first malformed line");
    }

    private void ShouldReportTheMalformedLines(ParseReport report, string path)
    {
        List<long> malformed = log.NumbersOf(LineKind.Malformed, LineKind.Overlong);
        report.Malformed.Should().Be(malformed.Count);
        report.Samples.Select(s => s.LineNumber).Should().Equal(malformed.Take(ParseReport.MaxSamples));
        report.Samples.Should().OnlyContain(s => s.File == path);
        report.Samples.Where(s => s.Reason == LineReader.OverlongReason).Select(s => s.LineNumber).Should().Equal(log.NumbersOf(LineKind.Overlong));
    }
}

using LogLinq.Pipeline;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Tests.Core;

/// <summary>
/// Laziness, measured by counting: how many bytes were read and how many files were opened and
/// closed. The first half counts through <see cref="LogPipeline.Open"/>'s own
/// <see cref="ReadCounters"/>; the second half opens the files itself through a counting stream, so
/// the stages after Open (Cat, Grep, Parse) are measured on their own.
/// </summary>
public sealed class PipelineLazinessTests(BigLogFixture big) : IClassFixture<BigLogFixture>
{
    /// <summary>One reader buffer, and some room for an opener that peeks at magic bytes.</summary>
    private const long OneBuffer = LineReader.DefaultBufferSize + (16 * 1024);

    private static void AssertFirstRecordOfSample(LogRecord r)
    {
        r.Host.Should().Be("140.180.132.213");
        r.Path.Should().Be("/ply/ply.html");
        r.LineNumber.Should().Be(1);
    }

    // ---- Through LogPipeline.Open and its ReadCounters ----

    [Fact]
    public void First_reads_only_the_first_buffer_and_closes_the_file()
    {
        var counters = new ReadCounters();

        LogRecord first = LogPipeline.Find(big.BigLog).Open(counters).Cat().Parse().First();

        AssertFirstRecordOfSample(first);
        counters.FilesOpened.Should().Be(1);
        counters.BytesRead.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(OneBuffer, "a 130 MB file is read one buffer at a time, on demand");
        counters.FilesClosed.Should().Be(counters.FilesOpened);
    }

    [Fact]
    public void Breaking_out_of_foreach_closes_the_file()
    {
        var counters = new ReadCounters();
        int seen = 0;

        foreach (LogRecord r in LogPipeline.Find(big.BigLog).Open(counters).Cat().Parse())
        {
            if (++seen == 10)
            {
                break;
            }
        }

        seen.Should().Be(10);
        counters.FilesOpened.Should().Be(1);
        counters.FilesClosed.Should().Be(counters.FilesOpened);
        counters.BytesRead.Should().BeLessThanOrEqualTo(OneBuffer);
    }

    [Fact]
    public void An_exception_thrown_by_the_consumer_closes_the_file()
    {
        var counters = new ReadCounters();
        int seen = 0;

        var act = () =>
        {
            foreach (LogRecord r in LogPipeline.Find(big.BigLog).Open(counters).Cat().Parse())
            {
                if (++seen == 10)
                {
                    throw new InvalidOperationException("consumer gave up");
                }
            }
        };

        act.Should().Throw<InvalidOperationException>().WithMessage("consumer gave up");
        counters.FilesOpened.Should().Be(1);
        counters.FilesClosed.Should().Be(counters.FilesOpened);
        counters.BytesRead.Should().BeLessThanOrEqualTo(OneBuffer);
    }

    [Fact]
    public void Take_closes_the_file_it_stopped_in()
    {
        var counters = new ReadCounters();

        List<LogRecord> ten = [.. LogPipeline.Find(big.BigLog).Open(counters).Cat().Grep("GET").Parse().Take(10)];

        ten.Should().HaveCount(10);
        counters.FilesClosed.Should().Be(1);
        counters.FilesOpened.Should().Be(1);
    }

    [Fact]
    public void Stopping_in_the_first_file_never_opens_the_second()
    {
        var counters = new ReadCounters();

        List<LogRecord> ten = [.. LogPipeline.Find([.. big.Parts]).Open(counters).Cat().Parse().Take(10)];

        ten.Should().HaveCount(10).And.OnlyContain(r => r.File == big.Parts[0]);
        counters.FilesOpened.Should().Be(1);
        counters.BytesRead.Should().BeLessThanOrEqualTo(OneBuffer);
    }

    [Fact]
    public void Each_file_is_closed_before_the_next_is_opened()
    {
        var counters = new ReadCounters();
        var openWhenFirstSeen = new Dictionary<string, (int Opened, int Closed)>();
        long records = 0;

        foreach (LogRecord r in LogPipeline.Find([.. big.Parts]).Open(counters).Cat().Parse())
        {
            records++;
            openWhenFirstSeen.TryAdd(r.File, (counters.FilesOpened, counters.FilesClosed));
        }

        records.Should().Be(3 * BigLogFixture.LinesPerCopy);
        openWhenFirstSeen.Keys.Should().Equal(big.Parts);
        openWhenFirstSeen.Values.Should().Equal((1, 0), (2, 1), (3, 2));
        counters.FilesOpened.Should().Be(3);
        counters.FilesClosed.Should().Be(3);
        counters.BytesRead.Should().Be(3 * BigLogFixture.BytesPerCopy);
    }

    [Fact]
    public void Reading_the_whole_big_file_reads_each_byte_once()
    {
        var counters = new ReadCounters();
        var report = new ParseReport();

        long bytes = 0;
        long count = 0;
        foreach (LogRecord r in LogPipeline.Find(big.BigLog).Open(counters).Cat().Parse(report: report))
        {
            bytes += r.Bytes;
            count++;
        }

        count.Should().Be((long)BigLogFixture.Copies * BigLogFixture.LinesPerCopy);
        report.Records.Should().Be(count);
        report.Malformed.Should().Be(0);
        bytes.Should().Be(BigLogFixture.Copies * SampleAnswers.TotalBytes);
        counters.FilesOpened.Should().Be(1);
        counters.FilesClosed.Should().Be(1);
        counters.BytesRead.Should().Be(BigLogFixture.Copies * BigLogFixture.BytesPerCopy);
    }

    // ---- Opening the files in the test, through a counting stream: Cat, Grep and Parse on their own ----

    private static IEnumerable<OpenedLog> OpenCounting(IEnumerable<string> paths, List<ShortReadStream> opened)
    {
        foreach (string path in paths)
        {
            var stream = ShortReadStream.OpenFile(path);
            opened.Add(stream);
            using (stream)
            {
                yield return new OpenedLog(path, stream);
            }
        }
    }

    [Fact]
    public void Cat_and_Parse_read_one_buffer_for_the_first_record()
    {
        var opened = new List<ShortReadStream>();

        LogRecord first = OpenCounting([big.BigLog], opened).Cat().Parse().First();

        AssertFirstRecordOfSample(first);
        opened.Should().ContainSingle();
        opened[0].BytesRead.Should().Be(LineReader.DefaultBufferSize);
        opened[0].Reads.Should().Be(1);
        opened[0].IsDisposed.Should().BeTrue("First() disposes the enumeration, which closes the file");
    }

    [Fact]
    public void Cat_and_Parse_close_the_file_when_the_consumer_breaks()
    {
        var opened = new List<ShortReadStream>();
        int seen = 0;

        foreach (LogRecord r in OpenCounting([big.BigLog], opened).Cat().Parse())
        {
            if (++seen == 10)
            {
                opened[0].IsDisposed.Should().BeFalse();
                break;
            }
        }

        opened.Should().ContainSingle();
        opened[0].IsDisposed.Should().BeTrue();
        opened[0].BytesRead.Should().Be(LineReader.DefaultBufferSize);
    }

    [Fact]
    public void Cat_Grep_and_Parse_close_the_file_when_the_consumer_throws()
    {
        var opened = new List<ShortReadStream>();

        var act = () =>
        {
            foreach (LogRecord r in OpenCounting([big.BigLog], opened).Cat().Grep("GET").Parse())
            {
                if (r.LineNumber >= 10)
                {
                    throw new InvalidOperationException("consumer gave up");
                }
            }
        };

        act.Should().Throw<InvalidOperationException>();
        opened.Should().ContainSingle();
        opened[0].IsDisposed.Should().BeTrue();
        opened[0].BytesRead.Should().Be(LineReader.DefaultBufferSize);
    }

    [Fact]
    public void Strict_mode_closes_the_file_it_throws_in()
    {
        var opened = new List<ShortReadStream>();

        var act = () => OpenCounting([big.BigLog], opened).Cat().Parse(LogLinq.Formats.LogFormat.Combined, strict: true).First();

        act.Should().Throw<MalformedLogException>().Which.Line.LineNumber.Should().Be(1);
        opened[0].IsDisposed.Should().BeTrue();
    }

    [Fact]
    public void Grep_stops_reading_at_the_first_match_it_is_asked_for()
    {
        var opened = new List<ShortReadStream>();

        LogLine hit = OpenCounting([big.BigLog], opened).Cat().Grep(@"ply-2\.3\.tar\.gz").First();

        hit.Number.Should().Be(119, "grep -n -m1 'ply-2.3.tar.gz' data/access-log");
        opened[0].BytesRead.Should().Be(LineReader.DefaultBufferSize);
        opened[0].IsDisposed.Should().BeTrue();
    }

    [Fact]
    public void Cat_never_opens_the_second_file_when_stopped_in_the_first()
    {
        var opened = new List<ShortReadStream>();

        List<LogRecord> ten = [.. OpenCounting(big.Parts, opened).Cat().Parse().Take(10)];

        ten.Should().HaveCount(10);
        opened.Should().ContainSingle();
        opened[0].IsDisposed.Should().BeTrue();
    }

    [Fact]
    public void Cat_closes_each_file_before_opening_the_next()
    {
        var opened = new List<ShortReadStream>();
        var disposedWhenSeen = new List<bool[]>();
        string? file = null;

        foreach (LogLine line in OpenCounting(big.Parts, opened).Cat())
        {
            if (line.File != file)
            {
                file = line.File;
                disposedWhenSeen.Add([.. opened.Select(s => s.IsDisposed)]);
            }
        }

        disposedWhenSeen.Should().HaveCount(3);
        disposedWhenSeen[0].Should().Equal(false);
        disposedWhenSeen[1].Should().Equal(true, false);
        disposedWhenSeen[2].Should().Equal(true, true, false);
        opened.Should().OnlyContain(s => s.IsDisposed && s.BytesRead == BigLogFixture.BytesPerCopy);
    }
}

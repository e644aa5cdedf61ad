using System.IO.Compression;
using System.Text;
using LogLinq.Interchange;
using LogLinq.Language;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Sources;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Interchange;

/// <summary>LogSource.Read and from -: a stream queried as files are, whatever it holds.</summary>
public sealed class LogSourceReadTests
{
    private static readonly string SampleLog = Path.Combine(TestPaths.Data, "access-log");

    public static TheoryData<string> Contents => ["text", "gzip", "records", "gzipped records"];

    [Theory]
    [MemberData(nameof(Contents))]
    public void Every_kind_of_stream_answers_as_the_file(string content)
    {
        IQueryable<LogRecord> file = LogSource.Open(SampleLog);

        Func<IQueryable<LogRecord>> stream = () => LogSource.Read(Stream(content), "s");

        stream().LongCount().Should().Be(SampleLogFacts.Records);
        stream().Sum(r => r.Bytes).Should().Be(SampleLogFacts.TotalBytes);
        stream().Where(r => r.Status == 404).Select(r => r.Path).Distinct().OrderBy(p => p, StringComparer.Ordinal)
            .Should().Equal(SampleLogFacts.BrokenDocuments.Order(StringComparer.Ordinal));
        stream().GroupBy(r => r.Status).Select(g => new { g.Key, N = g.LongCount() }).ToList()
            .Should().Equal(file.GroupBy(r => r.Status).Select(g => new { g.Key, N = g.LongCount() }).ToList());
        stream().OrderByDescending(r => r.Bytes).Take(1).Single().Path.Should().Be(SampleLogFacts.LargestPath);
    }

    [Fact]
    public void A_record_stream_keeps_each_records_file_and_line_and_text_takes_the_streams_name()
    {
        LogSource.Read(Stream("records"), "s").Skip(4).First().Should().Match<LogRecord>(r => r.File == SampleLog && r.LineNumber == 5);
        LogSource.Read(Stream("text"), "s").Skip(4).First().Should().Match<LogRecord>(r => r.File == "s" && r.LineNumber == 5);
    }

    [Fact]
    public void A_file_that_holds_a_record_stream_is_decoded_among_log_files()
    {
        using var temp = new TempDirectory();
        temp.Write("a-records.lqr", Records());
        File.Copy(SampleLog, temp.File("b-text.log"));
        IQueryable<LogRecord> logs = LogSource.Open(Path.Combine(temp.Path, "*"), new LogSourceOptions { MinPartSize = 4096 });

        logs.LongCount().Should().Be(2 * SampleLogFacts.Records);
        logs.Where(r => r.Status == 404).Select(r => r.Path).Distinct().Count().Should().Be(SampleLogFacts.BrokenDocuments.Length);
        logs.Take(1).Single().File.Should().Be(SampleLog, "a record keeps the file it was first read from");
        logs.Where(r => r.File == temp.File("b-text.log")).LongCount().Should().Be(SampleLogFacts.Records);
    }

    [Fact]
    public void A_stream_is_read_once()
    {
        IQueryable<LogRecord> logs = LogSource.Read(Stream("text"), "piped");
        logs.LongCount().Should().Be(SampleLogFacts.Records);

        Action again = () => logs.Count();

        again.Should().Throw<LogSourceException>().WithMessage("piped: already read*");
    }

    [Fact]
    public void A_first_record_reads_little_of_the_stream()
    {
        var counters = new ReadCounters();
        byte[] text = File.ReadAllBytes(SampleLog);

        LogSource.Read(new MemoryStream([.. text, .. text, .. text]), "s", new LogSourceOptions { Counters = counters }).First().Path.Should().Be("/ply/ply.html");

        counters.BytesRead.Should().BeLessThanOrEqualTo(LineReader.DefaultBufferSize + 8, "one buffer, after the peek at the first bytes");
    }

    [Fact]
    public void From_dash_reads_the_standard_input_the_options_give()
    {
        CompiledQuery query = QueryCompiler.Compile("from - | where status == 404 | distinct path | count", new QueryOptions { StandardInput = () => Stream("records") });

        query.Execute().Scalar.Should().Be((long)SampleLogFacts.BrokenDocuments.Length);
        query.Globs.Should().BeEmpty();
    }

    [Fact]
    public void From_dash_where_standard_input_is_not_open_to_queries_is_an_error_at_the_dash()
    {
        Action compile = () => QueryCompiler.Compile("from - | count", new QueryOptions { StandardInput = null });

        compile.Should().Throw<QueryException>().Which.Describe(null).Should().StartWith("1:1: from - reads standard input, which is not open to queries here");
    }

    [Fact]
    public void The_records_of_a_query_are_had_as_records_and_other_rows_are_refused_at_their_stage()
    {
        CompiledQuery records = QueryCompiler.Compile($"from \"{SampleLog}\" | where status == 404 | sort by bytes desc | take 3");
        CompiledQuery rows = QueryCompiler.Compile($"from \"{SampleLog}\" | where status == 404 | select path");

        records.IsRecords.Should().BeTrue();
        records.Records().Select(r => r.Status).Should().Equal(404, 404, 404);
        rows.IsRecords.Should().BeFalse();
        FluentActions.Invoking(() => rows.Records()).Should().Throw<QueryException>().WithMessage("select makes rows of its own, not records*");
    }

    private static Stream Stream(string content)
    {
        byte[] text = File.ReadAllBytes(SampleLog);
        return content switch
        {
            "text" => new MemoryStream(text),
            "gzip" => new MemoryStream(Gzip(text)),
            "records" => new MemoryStream(Records()),
            _ => new MemoryStream(Gzip(Records())),
        };
    }

    private static byte[] Records()
    {
        var bytes = new MemoryStream();
        using (var writer = new RecordStreamWriter(bytes, leaveOpen: true))
        {
            foreach (LogRecord r in LogSource.Open(SampleLog))
            {
                writer.Write(r);
            }

            writer.Complete();
        }

        return bytes.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return compressed.ToArray();
    }
}

using LogLinq.Language;
using LogLinq.Query;
using LogLinq.Sources;

namespace LogLinq.Tests.Language;

/// <summary>Compiled queries added to one <see cref="LogBatch"/>: the input is read once, and each answer is the query's alone.</summary>
public sealed class CompiledQueryBatchTests
{
    private static readonly string SampleLog = Path.Combine(TestPaths.Data, "access-log");

    private static readonly string[] Texts =
    [
        "from \"x\" | summarize sum(bytes) as bytes",
        "from \"x\" | where status == 404 | distinct path | sort by path",
        "from \"x\" | summarize count() as n by bin(time, 1h) as hour, status",
        "from \"x\" | where bytes > 1MB | count",
        "from \"x\" | top 3 by bytes",
    ];

    [Fact]
    public void The_batch_reads_the_file_once_and_each_answer_equals_the_query_run_alone()
    {
        var counters = new ReadCounters();
        var batch = new LogBatch(LogSource.Open(SampleLog, new LogSourceOptions { Counters = counters }));
        CompiledQuery[] queries = [.. Texts.Select(t => QueryCompiler.Compile(t))];
        var answers = queries.Select(q => q.AddTo(batch)).ToList();

        batch.Run();

        long size = new FileInfo(SampleLog).Length;
        counters.BytesRead.Should().BeGreaterThanOrEqualTo(size).And.BeLessThan(size + (64 * 1024), "one pass, not one per query");
        for (int i = 0; i < queries.Length; i++)
        {
            QueryResult alone = QueryCompiler.Compile(Texts[i], new QueryOptions { Globs = [SampleLog] }).Execute();
            answers[i].Value.IsScalar.Should().Be(alone.IsScalar);
            answers[i].Value.Rows.Should().BeEquivalentTo(alone.Rows, o => o.WithStrictOrdering(), Texts[i]);
        }
    }

    [Fact]
    public void Execute_over_records_gives_what_the_files_give()
    {
        List<Records.LogRecord> records = LogSource.Open(SampleLog).Take(2000).ToList();
        const string Stages = "where status == 404 | summarize count() as n by path | sort by n desc, path";

        QueryResult fromList = QueryCompiler.Compile($"from \"{SampleLog}\" | {Stages}").Execute(records);

        QueryResult fromFile = QueryCompiler.Compile($"from \"{SampleLog}\" | take 2000 | {Stages}").Execute();
        fromList.Rows.Should().NotBeEmpty();
        fromList.Rows.Should().BeEquivalentTo(fromFile.Rows, o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData("count")]
    [InlineData("distinct path")]
    [InlineData("sort by bytes")]
    [InlineData("top 3 by bytes")]
    [InlineData("summarize count() by path")]
    [InlineData("take 2 | summarize count() by bin(time, 1h)")]
    public void Follow_refuses_what_needs_the_end_of_the_input(string stages)
    {
        CompiledQuery query = QueryCompiler.Compile($"from \"{SampleLog}\" | {stages}");

        Action follow = () => query.Follow();

        follow.Should().Throw<QueryException>().WithMessage("*summarize ... by bin(time, d)*");
    }
}

using LogLinq.Query;

namespace LogLinq.Tests.Query;

/// <summary><c>Explain()</c> shows what the planner did with the tutorial's questions.</summary>
public class ExplainTests
{
    private static readonly IQueryable<Records.LogRecord> Logs =
        LogSource.Open(Path.Combine(TestPaths.Data, "www", "**", "access-log*"));

    [Fact]
    public void Broken_links_push_the_status_down_with_a_prefilter()
    {
        string plan = Logs.Where(r => r.Status == 404).Select(r => r.Path).Distinct().Explain();

        plan.Should().Contain("pushdown:   status == 404")
            .And.Contain("lines without \"404 \" are skipped before parsing")
            .And.NotContain("a block (64 KiB) at a time", "lines the literal rules out are not parsed at all")
            .And.Contain("fields:     path, status")
            .And.Contain("aggregate:  distinct(r => r.Path)")
            .And.Contain("6 file(s)");
    }

    [Fact]
    public void A_format_whose_lines_are_not_searched_raw_has_no_prefilter()
    {
        string plan = LogSource.Open(Path.Combine(TestPaths.Data, "access-log"), new LogSourceOptions { Format = LogLinq.Formats.LogFormat.Elb })
            .Where(r => r.Status == 404).Select(r => r.Path).Distinct().Explain();

        plan.Should().Contain("pushdown:   status == 404").And.NotContain("prefilter:")
            .And.Contain("lines one at a time, by the elb parser").And.NotContain("NCSA lines a block");
    }

    [Fact]
    public void Total_bytes_reads_only_the_bytes_and_runs_in_parallel()
    {
        string plan = Logs.Explain(q => q.Sum(r => r.Bytes));

        plan.Should().Contain("pushdown:   none")
            .And.Contain("fields:     bytes (")
            .And.Contain("scan:       parallel")
            .And.Contain("NCSA lines a block (64 KiB) at a time")
            .And.Contain("aggregate:  sum(r => r.Bytes)");
    }

    [Fact]
    public void Robots_compares_the_path_bytes_and_prefilters_on_the_literal()
    {
        string plan = Logs.Where(r => r.Path == "/robots.txt").Select(r => r.Host).Distinct().Explain();

        plan.Should().Contain("pushdown:   path == \"/robots.txt\"")
            .And.Contain("lines without \"/robots.txt\" are skipped")
            .And.Contain("fields:     host, path");
    }

    [Fact]
    public void Untranslatable_code_runs_on_a_record_and_is_marked()
    {
        string plan = Logs.Explain(q => q.Where(r => r.Status == 200 && r.Path.ToUpperInvariant().EndsWith(".GZ")).Count());

        plan.Should().Contain("status == 200").And.Contain("[on record]").And.Contain("aggregate:  count()");
    }

    [Fact]
    public void What_the_planner_does_not_specialise_is_left_to_linq_to_objects()
    {
        string plan = Logs.Where(r => r.Bytes > 1_000_000).Skip(3).Select(r => r.Path).Explain();

        plan.Should().Contain("pushdown:   bytes > 1000000")
            .And.Contain("sequential and lazy")
            .And.Contain("then:       LINQ to Objects: Skip → Select");
    }

    [Fact]
    public void Largest_document_is_a_top_one_and_group_by_merges_partials()
    {
        Logs.Explain(q => q.MaxBy(r => r.Bytes)).Should().Contain("aggregate:  maxby(r => r.Bytes)");
        Logs.GroupBy(r => r.Host).Select(g => new { g.Key, Hits = g.Count() }).Explain()
            .Should().Contain("group by r => r.Host computing count()").And.Contain("merged in file order");
    }
}

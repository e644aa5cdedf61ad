using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Query;

/// <summary>
/// The tutorial's questions through the provider, against LINQ to Objects over the pull pipeline
/// (the differential suite goes much wider; these are the ones people ask first).
/// </summary>
public class ProviderSmokeTests
{
    private static readonly string AccessLog = Path.Combine(TestPaths.Data, "access-log");

    private static List<LogRecord> All() => new[] { AccessLog }.Open().Cat().Parse(LogFormat.Common).ToList();

    [Fact]
    public void The_tutorials_questions_match_linq_to_objects()
    {
        var logs = LogSource.Open(AccessLog);
        var list = All();
        logs.Count().Should().Be(list.Count);
        logs.Sum(r => r.Bytes).Should().Be(list.Sum(r => r.Bytes));
        logs.Where(r => r.Status == 404).Select(r => r.Path).Distinct().ToList()
            .Should().Equal(list.Where(r => r.Status == 404).Select(r => r.Path).Distinct());
        logs.Select(r => r.Host).Distinct().Count().Should().Be(list.Select(r => r.Host).Distinct().Count());
        logs.MaxBy(r => r.Bytes)!.LineNumber.Should().Be(list.MaxBy(r => r.Bytes)!.LineNumber);
        logs.OrderByDescending(r => r.Bytes).Take(5).Select(r => r.LineNumber).ToList()
            .Should().Equal(list.OrderByDescending(r => r.Bytes).Take(5).Select(r => r.LineNumber));
        var groups = logs.GroupBy(r => r.Host).Select(g => new { g.Key, N = g.Count(), B = g.Sum(r => r.Bytes) }).ToList();
        groups.Should().Equal(list.GroupBy(r => r.Host).Select(g => new { g.Key, N = g.Count(), B = g.Sum(r => r.Bytes) }));
        logs.Where(r => r.Path == "/robots.txt").Select(r => r.Host).Distinct().ToList()
            .Should().Equal(list.Where(r => r.Path == "/robots.txt").Select(r => r.Host).Distinct());
        logs.First().LineNumber.Should().Be(1);
        logs.Where(r => r.Bytes > 1_000_000).Count().Should().Be(list.Count(r => r.Bytes > 1_000_000));
    }

    [Fact]
    public void Query_syntax_works_too()
    {
        var logs = LogSource.Open(AccessLog);
        var downloads = (from r in logs where r.Path == "/ply/ply-2.3.tar.gz" select r).Count();

        // awk '$7 == "/ply/ply-2.3.tar.gz"' data/access-log | wc -l
        downloads.Should().Be(115);
    }

    [Fact]
    public void Several_aggregates_of_everything_are_one_group_and_none_for_no_rows()
    {
        var logs = LogSource.Open(AccessLog);
        var list = All();

        var all = logs.GroupBy(r => true).Select(g => new { N = g.LongCount(), B = g.Sum(r => r.Bytes), M = g.Max(r => r.Status) }).ToList();
        var none = logs.Where(r => r.Status == 999).GroupBy(r => 1).Select(g => g.Count()).ToList();

        all.Should().Equal(list.GroupBy(r => true).Select(g => new { N = g.LongCount(), B = g.Sum(r => r.Bytes), M = g.Max(r => r.Status) }));
        none.Should().BeEmpty();
        logs.GroupBy(r => true).Select(g => g.Count()).Explain().Should().Contain("group by r => True");
    }
}

using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Query;

/// <summary>
/// Operators the planner leaves to LINQ to Objects after its stage. Those that take no lambda
/// (DefaultIfEmpty, Take, Skip, ElementAt, Count...) are called directly rather than compiled; the
/// answers must be LINQ to Objects' own, errors included.
/// </summary>
public class LeftoverOperatorTests
{
    private static readonly string AccessLog = Path.Combine(TestPaths.Data, "access-log");

    private static List<LogRecord> All() => new[] { AccessLog }.Open().Cat().Parse(LogFormat.Common).ToList();

    [Fact]
    public void Operators_without_lambdas_after_a_stage_give_linq_to_objects_answers()
    {
        var logs = LogSource.Open(AccessLog);
        var list = All();
        object?[] empty = [0L];

        logs.GroupBy(r => true).Select(g => new object?[] { g.LongCount() }).DefaultIfEmpty(empty).ToList()
            .Should().BeEquivalentTo(list.GroupBy(r => true).Select(g => new object?[] { g.LongCount() }).DefaultIfEmpty(empty), o => o.WithStrictOrdering());
        logs.Where(r => r.Status == 999).GroupBy(r => true).Select(g => new object?[] { g.LongCount() }).DefaultIfEmpty(empty).Single()
            .Should().Equal(empty);
        logs.Select(r => r.Host).Distinct().Skip(3).Take(4).ToList()
            .Should().Equal(list.Select(r => r.Host).Distinct().Skip(3).Take(4));
        logs.Select(r => r.Path).Distinct().Count().Should().Be(list.Select(r => r.Path).Distinct().Count());
        logs.Where(r => r.Status == 404).Skip(10).Take(3).Select(r => r.LineNumber).ToList()
            .Should().Equal(list.Where(r => r.Status == 404).Skip(10).Take(3).Select(r => r.LineNumber));
        logs.Select(r => r.Host).Distinct().ElementAt(2).Should().Be(list.Select(r => r.Host).Distinct().ElementAt(2));
    }

    [Fact]
    public void An_operators_own_error_comes_out_unwrapped()
    {
        var logs = LogSource.Open(AccessLog);

        // No 999s: an empty set of hosts has no first element, as LINQ to Objects says.
        Action first = () => logs.Where(r => r.Status == 999).Select(r => r.Host).Distinct().First();
        Action single = () => logs.Select(r => r.Host).Distinct().Single();

        first.Should().Throw<InvalidOperationException>();
        single.Should().Throw<InvalidOperationException>();
    }
}

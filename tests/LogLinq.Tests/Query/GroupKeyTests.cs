using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Query;

/// <summary>
/// Group and distinct keys that are not text: small whole numbers (kept in a table by value), the
/// last key met (compared before a hash), and every other key, alone and mixed, in parts merged
/// in file order. Groups are those LINQ to Objects makes, in order of first appearance.
/// </summary>
public sealed class GroupKeyTests
{
    private static readonly string AccessLog = Path.Combine(TestPaths.Data, "access-log");

    // Small parts: each part's index is merged into the one before, so keys meet again across parts.
    private static IQueryable<LogRecord> Logs() =>
        LogSource.Open(AccessLog, new LogSourceOptions { MaxDegreeOfParallelism = 2, MinPartSize = 16 * 1024 });

    private static List<LogRecord> All() => new[] { AccessLog }.Open().Cat().Parse(LogFormat.Common).ToList();

    [Fact]
    public void Counts_by_status_are_those_of_linq_to_objects()
    {
        var groups = Logs().GroupBy(r => r.Status).Select(g => new { g.Key, N = g.Count(), B = g.Sum(r => r.Bytes) }).ToList();

        groups.Should().Equal(All().GroupBy(r => r.Status).Select(g => new { g.Key, N = g.Count(), B = g.Sum(r => r.Bytes) }));

        // awk '{ n[$9]++ } END { print n[200], n[404] }' data/access-log
        groups.Single(g => g.Key == 200).N.Should().Be(4676);
        groups.Single(g => g.Key == 404).N.Should().Be(2053);
    }

    [Fact]
    public void Keys_below_above_and_inside_the_table_keep_their_order_of_first_appearance()
    {
        // From -500 to 1499: negative keys, keys of the table and keys past it, all interleaved.
        var groups = Logs().GroupBy(r => (int)(r.Bytes % 2000) - 500).Select(g => new { g.Key, N = g.Count() }).ToList();
        var expected = All().GroupBy(r => (int)(r.Bytes % 2000) - 500).Select(g => new { g.Key, N = g.Count() }).ToList();

        expected.Should().Contain(g => g.Key < 0).And.Contain(g => g.Key >= 0 && g.Key < 1024).And.Contain(g => g.Key >= 1024);
        groups.Should().Equal(expected);
    }

    [Fact]
    public void A_null_key_is_a_group_of_its_own_among_the_numbers()
    {
        var groups = Logs().GroupBy(r => r.Status == 404 ? (int?)null : r.Status).Select(g => new { g.Key, N = g.Count() }).ToList();

        groups.Should().Equal(All().GroupBy(r => r.Status == 404 ? (int?)null : r.Status).Select(g => new { g.Key, N = g.Count() }));
        groups.Should().ContainSingle(g => g.Key == null);
    }

    [Fact]
    public void Distinct_numbers_and_long_keys_are_those_of_linq_to_objects()
    {
        Logs().Select(r => r.Status).Distinct().ToList().Should().Equal(All().Select(r => r.Status).Distinct());
        Logs().Select(r => r.Bytes).Distinct().Count().Should().Be(All().Select(r => r.Bytes).Distinct().Count());
        Logs().GroupBy(r => r.Bytes / 100_000).Select(g => new { g.Key, N = g.Count() }).ToList()
            .Should().Equal(All().GroupBy(r => r.Bytes / 100_000).Select(g => new { g.Key, N = g.Count() }));
    }
}

using LogLinq.Formats;
using LogLinq.Language;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Query;

/// <summary>
/// A stream whose first operator is a <c>select</c> of fields reads each line's fields straight into
/// the row, from a view of the line rather than a copy: the rows are those LINQ to Objects makes from
/// records that own their bytes, field by field, and any other first operator keeps the copies.
/// </summary>
public sealed class SelectOfFieldsTests
{
    private static readonly string Rotated = Path.Combine(TestPaths.Data, "www", "**", "access-log*").Replace('\\', '/');

    private static List<LogRecord> All() => LogPipeline.Find([Rotated]).Open().Cat().Parse(LogFormat.Common).ToList();

    [Fact]
    public void Selected_fields_of_every_line_are_those_of_records_that_own_their_bytes()
    {
        CompiledQuery query = QueryCompiler.Compile($"from \"{Rotated}\" | select host, ident, user, time, method, path, protocol, status, bytes, referrer, agent, vhost, file, line");

        List<object?[]> rows = [.. query.Execute().Rows];
        List<object?[]> expected = [.. All().Select(r => new object?[]
        {
            r.Host, r.Ident, r.User, r.Time, r.Method, r.Path, r.Protocol, r.Status, r.Bytes, r.Referrer, r.UserAgent, r.VirtualHost, r.File, r.LineNumber,
        })];

        rows.Should().HaveCount(expected.Count).And.HaveCountGreaterThan(40_000);
        rows.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        query.Explain().Should().Contain("no copy of the line");
    }

    [Fact]
    public void Rows_kept_past_the_next_line_stay_as_they_were()
    {
        // Sorted and taken after the select: every row is held while later lines are read.
        CompiledQuery query = QueryCompiler.Compile($"from \"{Rotated}\" | where status == 404 | select path, host, line | sort by path, line | take 50");

        List<object?[]> rows = [.. query.Execute().Rows];
        List<object?[]> expected = [.. All().Where(r => r.Status == 404)
            .OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.LineNumber).Take(50)
            .Select(r => new object?[] { r.Path, r.Host, r.LineNumber })];

        rows.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Records_handed_on_whole_are_copies()
    {
        IQueryable<LogRecord> logs = LogSource.Open(Rotated);

        List<LogRecord> kept = [.. logs.Where(r => r.Status == 404).Take(20)];

        kept.Select(r => (r.Path, r.LineNumber)).Should().Equal(All().Where(r => r.Status == 404).Take(20).Select(r => (r.Path, r.LineNumber)));
        logs.Where(r => r.Status == 404).Take(20).Explain().Should().NotContain("no copy of the line");
    }
}

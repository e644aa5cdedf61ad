using System.Linq.Expressions;
using LogLinq.Language;
using LogLinq.Query;
using LogLinq.Query.Execution;
using LogLinq.Query.Planning;
using LogLinq.Records;

namespace LogLinq.Tests.Query;

/// <summary>
/// A time window of the record's own time, <c>bin(time, d)</c>, is read from the parsed time: no
/// record is made for it and nothing is compiled, and the groups are those LINQ to Objects makes.
/// </summary>
public sealed class TimeWindowKeyTests
{
    [Fact]
    public void A_window_of_the_time_is_read_from_the_parsed_fields()
    {
        ParameterExpression r = Expression.Parameter(typeof(LogRecord), "r");
        var window = Expression.Lambda<Func<LogRecord, DateTimeOffset>>(
            Expression.Call(
                typeof(QueryFunctions).GetMethod(nameof(QueryFunctions.Bin), [typeof(DateTimeOffset), typeof(TimeSpan)])!,
                Expression.Property(r, nameof(LogRecord.Time)),
                Expression.Constant(TimeSpan.FromHours(1))),
            r);

        RowValue<DateTimeOffset> value = ValueTranslator.Translate(window);

        value.Should().NotBeOfType<LambdaValue<DateTimeOffset>>();
        value.ToString().Should().Be("bin(time, 1h)");
    }

    [Theory]
    [InlineData("access-log", "1h")]
    [InlineData("access-log", "1d")]
    [InlineData("www/**/access-log*", "7m")]
    [InlineData("www/**/access-log*", "1h")]
    public void Counts_by_time_window_are_those_of_linq_to_objects(string log, string size)
    {
        string glob = Path.Combine(TestPaths.Data, log).Replace('\\', '/');
        var split = new QueryOptions { Source = new LogSourceOptions { MaxDegreeOfParallelism = 2, MinPartSize = 64 * 1024 } };
        CompiledQuery query = QueryCompiler.Compile($"from \"{glob}\" | summarize count(), sum(bytes) by bin(time, {size})", split);
        List<LogRecord> records = [.. LogSource.Open(glob, new LogSourceOptions { MaxDegreeOfParallelism = 1 })];

        List<object?[]> scanned = [.. query.Execute().Rows];
        List<object?[]> expected = [.. query.Execute(records).Rows];

        scanned.Should().HaveCountGreaterThan(1);
        scanned.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }
}

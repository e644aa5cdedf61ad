using System.Globalization;
using LogLinq.Language;
using LogLinq.Query;
using LogLinq.Records;

namespace LogLinq.Tests.Xml;

/// <summary>
/// Summaries and tops over <c>LogSource.Xml</c> run as streaming passes instead of LINQ to Objects'
/// GroupBy and OrderBy, which hold every row; their answers must be LINQ to Objects' own, so each query
/// here is asked of the XML source and of the same records in a list (plain LINQ to Objects).
/// </summary>
public sealed class StreamingQueryTests
{
    private static readonly IQueryable<GenericRecord> Xml = LogSource.Xml(BusesOracle.FullPath, "bus");
    private static readonly IQueryable<GenericRecord> Objects = Xml.ToList().AsQueryable();

    public static string? Field(GenericRecord bus, string name) => bus.TryGetValue(name, out object? value) ? (string?)value : null;

    public static double Number(GenericRecord bus, string name) => double.Parse((string)bus[name]!, CultureInfo.InvariantCulture);

    private static void Same<T>(Func<IQueryable<GenericRecord>, IEnumerable<T>> query) =>
        query(Xml).ToList().Should().BeEquivalentTo(query(Objects).ToList(), o => o.WithStrictOrdering());

    [Fact]
    public void Groups_with_counts_sums_averages_extremes_and_distinct_counts()
    {
        Objects.Count().Should().Be(400);
        Same(q => q.GroupBy(b => Field(b, "route")).Select(g => new
        {
            Route = g.Key,
            Count = g.Count(),
            Long = g.LongCount(),
            Sum = g.Sum(b => Number(b, "latitude")),
            Average = g.Average(b => Number(b, "latitude")),
            Ids = g.Sum(b => int.Parse(Field(b, "id")!, CultureInfo.InvariantCulture)),
            LongIds = g.Average(b => long.Parse(Field(b, "id")!, CultureInfo.InvariantCulture)),
            West = g.Min(b => Number(b, "longitude")),
            LastRun = g.Max(b => Field(b, "run")),
            Runs = g.Select(b => Field(b, "run")).Distinct().Count(),
            Directions = g.Select(b => Field(b, "direction")).Distinct().LongCount(),
        }));
    }

    [Fact]
    public void A_missing_field_is_a_group_of_its_own_and_nulls_are_left_out_of_aggregates()
    {
        Same(q => q.GroupBy(b => Field(b, "run") == null ? null : Field(b, "direction")).Select(g => new
        {
            g.Key,
            Count = g.LongCount(),
            MinRun = g.Min(b => Field(b, "run")),
            Pattern = g.Average(b => b.ContainsKey("run") ? (double?)Number(b, "pattern") : null),
            Patterns = g.Sum(b => b.ContainsKey("run") ? (double?)Number(b, "pattern") : null),
        }));
    }

    [Fact]
    public void A_group_used_otherwise_than_by_aggregates_still_gets_linq_to_objects_answer()
    {
        Same(q => q.GroupBy(b => Field(b, "route")).Select(g => new { g.Key, First = g.First().LineNumber, Count = g.Count() }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(1000)]
    public void Tops_keep_linq_to_objects_order_ties_included(int count)
    {
        // Routes and directions tie a lot: the order of ties is the input's, as a stable sort keeps it.
        Same(q => q.OrderBy(b => Field(b, "route")).Take(count).Select(b => b.LineNumber));
        Same(q => q.OrderByDescending(b => Field(b, "direction")).ThenBy(b => Field(b, "route")).ThenByDescending(b => Number(b, "latitude")).Take(count).Select(b => b.LineNumber));
        Same(q => q.OrderBy(b => Field(b, "run")).Take(count).Select(b => b.LineNumber)); // nulls first
    }

    [Fact]
    public void A_top_of_a_summary_reads_the_summary()
    {
        Same(q => q.GroupBy(b => new { Route = Field(b, "route"), Direction = Field(b, "direction") })
            .Select(g => new { g.Key.Route, g.Key.Direction, Buses = g.LongCount() })
            .OrderByDescending(x => x.Buses).ThenBy(x => x.Route).Take(4));
    }

    [Fact]
    public void The_language_explains_which_parts_stream()
    {
        string explained = QueryCompiler.Compile(
            $"from \"{BusesOracle.FullPath}\" as xml(bus) | summarize count() as n, avg(latitude) by route | top 2 by n").Explain();

        explained.Should().Contain("summarize:  group by r => Text(r, \"route\") computing count(), average(r => Number(Text(r, \"latitude\")))")
            .And.Contain("in one pass: per group its running aggregates, not its records")
            .And.Contain("top:        the first 2 by row => Cell(row, 1) desc, in one pass that keeps 2 rows");
    }
}

using System.Xml.Linq;
using LogLinq.Language;
using LogLinq.Query;

namespace LogLinq.Tests.Xml;

/// <summary>
/// <c>from "data/buses.xml" as xml(bus)</c> in the query language, each answer checked against the same
/// question asked of System.Xml.Linq (<see cref="BusesOracle"/>).
/// </summary>
public sealed class XmlQueryTests
{
    private static readonly string From = $"from \"{BusesOracle.FullPath}\" as xml(bus)";

    private static IReadOnlyList<XElement> Buses => BusesOracle.Buses;

    private static QueryResult Run(string stages, QueryOptions? options = null) =>
        QueryCompiler.Compile($"{From} | {stages}", options).Execute();

    private static List<object?[]> Rows(string stages) => [.. Run(stages).Rows];

    private static double Latitude(XElement bus) => BusesOracle.Number(bus, "latitude");

    [Fact]
    public void The_example_query_finds_the_northbound_buses_of_route_22()
    {
        List<object?[]> rows = Rows("where route == \"22\" and direction == \"North Bound\" | select id, latitude, longitude");

        var expected = Buses
            .Where(b => b.Element("route")!.Value == "22" && b.Element("direction")!.Value == "North Bound")
            .Select(b => new object?[] { b.Element("id")!.Value, b.Element("latitude")!.Value, b.Element("longitude")!.Value })
            .ToList();
        expected.Should().NotBeEmpty();
        rows.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_bare_source_gives_every_field_of_the_first_element_then_file_and_line()
    {
        QueryResult result = Run("take 2");

        result.Columns.Select(c => c.Name).Should().Equal(Buses[0].Elements().Select(e => e.Name.LocalName).Append("file").Append("line"));
        result.Columns.Select(c => c.Type).Should().Equal(Enumerable.Repeat(typeof(string), 9).Append(typeof(long)));
        result.Rows.Select(r => (r[0], r[^1])).Should().Equal(Buses.Take(2).Select(b => ((object?)b.Element("id")!.Value, (object?)(long)BusesOracle.Line(b))));
    }

    [Fact]
    public void Text_compared_with_a_number_is_read_as_a_number()
    {
        Run("where latitude > 41.9 | count").Scalar.Should().Be((long)Buses.Count(b => Latitude(b) > 41.9));
        Run("where longitude <= -87.65 and latitude < 41.8 | count").Scalar
            .Should().Be((long)Buses.Count(b => BusesOracle.Number(b, "longitude") <= -87.65 && Latitude(b) < 41.8));

        // route 22 as a number matches "22"; "X9" is not a number, so it matches nothing, nor does it differ from nothing.
        Run("where route == 22 | count").Scalar.Should().Be((long)Buses.Count(b => b.Element("route")!.Value == "22"));
        Run("where route in (8, 9) | count").Scalar.Should().Be((long)Buses.Count(b => b.Element("route")!.Value is "8" or "9"));
        Run("where number(route) == null | count").Scalar.Should().Be((long)Buses.Count(b => b.Element("route")!.Value == "X9")).And.NotBe(0L);
        Run("where route > 100 | distinct route").Rows.Select(r => r[0]).Should().Equal("147");
    }

    [Fact]
    public void A_missing_child_is_null()
    {
        Run("where run == null | select id").Rows.Select(r => r[0])
            .Should().Equal(Buses.Where(b => b.Element("run") is null).Select(b => b.Element("id")!.Value)).And.NotBeEmpty();
        Run("where run startswith \"P\" | count").Scalar.Should().Be((long)Buses.Count(b => b.Element("run") is not null));
    }

    [Fact]
    public void Summarize_by_route_averages_the_latitudes_as_numbers()
    {
        List<object?[]> rows = Rows("summarize count() as buses, avg(latitude) as lat, max(number(longitude)) as east by route | sort by route");

        var expected = Buses.GroupBy(b => b.Element("route")!.Value).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (long)g.Count(), g.Average(Latitude), g.Max(b => BusesOracle.Number(b, "longitude"))))
            .ToList();
        rows.Select(r => ((string)r[0]!, (long)r[1]!, (double)r[2]!, (double)r[3]!)).Should().BeEquivalentTo(expected, o => o
            .WithStrictOrdering()
            .Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-9)).WhenTypeIs<double>());
    }

    [Fact]
    public void Top_sort_distinct_and_arithmetic()
    {
        Rows("top 3 by number(latitude) | select id").Select(r => r[0])
            .Should().Equal(Buses.OrderByDescending(Latitude).Take(3).Select(b => b.Element("id")!.Value));
        Rows("distinct direction | sort by direction").Select(r => r[0])
            .Should().Equal(Buses.Select(b => b.Element("direction")!.Value).Distinct().Order(StringComparer.Ordinal));
        Rows("where id == 1000 | select latitude * 2 as twice, latitude - 41 as north, bin(latitude, 0.5) as band, -longitude as west")
            .Single().Should().BeEquivalentTo(new object?[]
            {
                Latitude(Buses[0]) * 2, Latitude(Buses[0]) - 41, Math.Floor(Latitude(Buses[0]) / 0.5) * 0.5, -BusesOracle.Number(Buses[0], "longitude"),
            });
        Run("summarize sum(pattern) as patterns").Rows.Single()[0].Should().Be(Buses.Sum(b => BusesOracle.Number(b, "pattern")));
    }

    [Fact]
    public void Numbers_read_from_text_are_plain_numbers_in_the_result()
    {
        QueryResult result = Run("select latitude + 0 as lat | take 1");

        result.Columns.Single().Type.Should().Be(typeof(double));
        result.Rows.Single().Single().Should().Be(Latitude(Buses[0]));
    }

    [Fact]
    public void A_parameter_beside_a_field_is_read_for_what_it_is()
    {
        var options = new QueryOptions { Parameters = new Dictionary<string, string> { ["route"] = "22", ["direction"] = "South Bound", ["lat"] = "41.95" } };

        Run("where route == $route and direction == $direction and latitude > $lat | count", options).Scalar
            .Should().Be((long)Buses.Count(b => b.Element("route")!.Value == "22" && b.Element("direction")!.Value == "South Bound" && Latitude(b) > 41.95));
    }

    [Theory]
    [InlineData("where rout == \"22\"", "unknown field 'rout'; did you mean 'route'?")]
    [InlineData("where finalstop contains \"&\"", "unknown field 'finalstop'; did you mean 'finalStop'?")]
    [InlineData("where route contains 2", "contains needs text on its right, but 2 is an integer")]
    [InlineData("where latitude > 2008-02-24T00:00:00Z", "cannot compare latitude (text) with * (a time)")]
    [InlineData("where number(line) > 1", "number needs text, but line is an integer")]
    public void Mistakes_are_told_before_the_records_are_read(string stages, string message)
    {
        FluentActions.Invoking(() => QueryCompiler.Compile($"{From} | {stages}")).Should().Throw<QueryException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void Without_the_element_in_the_file_the_only_fields_are_file_and_line_and_the_message_says_why()
    {
        FluentActions.Invoking(() => QueryCompiler.Compile($"from \"{BusesOracle.FullPath}\" as xml(train) | where route == 1"))
            .Should().Throw<QueryException>()
            .WithMessage($"*unknown field 'route'; the fields are file and line (no <train> element was found in {BusesOracle.FullPath} to learn the fields from)*");
        QueryCompiler.Compile($"from \"{BusesOracle.FullPath}\" as xml(train) | count").Execute().Scalar.Should().Be(0L);
    }

    [Fact]
    public void An_xml_query_explains_that_it_runs_in_linq_to_objects_and_cannot_be_followed_or_batched()
    {
        CompiledQuery query = QueryCompiler.Compile($"{From} | where route == \"22\" | count");

        query.XmlElement.Should().Be("bus");
        query.Explain().Should().StartWith("linq:       xml.Where(r => (Text(r, \"route\") == \"22\")).LongCount()")
            .And.Contain("as xml(bus)").And.Contain("LINQ to Objects");
        FluentActions.Invoking(() => query.Follow()).Should().Throw<QueryException>().WithMessage("*cannot be followed*");
        FluentActions.Invoking(() => query.AddTo(new LogBatch(LogSource.Open("data/access-log")))).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => query.Execute([])).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Number_reads_text_of_log_fields_too_and_a_log_query_is_unchanged()
    {
        // number() is a function of the language, not only of XML: a log's user field is "-" (not a number).
        string log = Path.Combine(TestPaths.Data, "access-log");
        QueryCompiler.Compile($"from \"{log}\" | where number(user) == null | count").Execute().Scalar
            .Should().Be(QueryCompiler.Compile($"from \"{log}\" | count").Execute().Scalar);
        QueryCompiler.Compile($"from \"{log}\" | summarize sum(number(ident)) as s").Execute().Rows.Single()[0].Should().Be(0d);
    }
}

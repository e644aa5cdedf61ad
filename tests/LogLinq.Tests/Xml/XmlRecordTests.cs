using System.Xml.Linq;
using LogLinq.Pipeline;
using LogLinq.Push;
using LogLinq.Records;
using LogLinq.Xml;

namespace LogLinq.Tests.Xml;

/// <summary>
/// The element-to-record stage: each element of the chosen name becomes a record of its attributes and
/// its children's text. Small cases written out by hand; the whole sample against System.Xml.Linq.
/// </summary>
public sealed class XmlRecordTests
{
    private const string Document =
        "<feed>\n" +                                                      // 1
        "  <bus id=\"7\" route=\"from-attribute\">\n" +                   // 2
        "    <route>22</route>\n" +                                       // 3
        "    <stop><![CDATA[Clark & Howard]]></stop>\n" +                 // 4
        "    <note>a <b>bold</b> and <![CDATA[<raw>]]></note>\n" +        // 5
        "    <empty/>\n" +                                                // 6
        "    <stop>second stop</stop>\n" +                                // 7
        "    <location lat=\"41.9\"/>\n" +                                // 8
        "    loose text\n" +                                              // 9
        "  </bus>\n" +                                                    // 10
        "  <depot>\n" +                                                   // 11
        "    <bus><id>8</id><bus><id>inner</id></bus></bus>\n" +          // 12
        "  </depot>\n" +                                                  // 13
        "  <bus/>\n" +                                                    // 14
        "</feed>\n";

    private static List<GenericRecord> Pull(string path, string element) =>
        [.. LogPipeline.Find(path).Open().Events().Records(element)];

    [Fact]
    public void Each_element_of_the_name_becomes_a_record_of_its_attributes_and_childrens_text()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("feed.xml", Document);

        List<GenericRecord> records = Pull(path, "bus");

        records.Select(r => r.ToString()).Should().Equal(
            // Attributes first; a name seen twice keeps its first value (route, stop); a child's value is
            // all its text, CDATA and deeper elements included; an empty child is ""; loose text is no field.
            "id=7 route=from-attribute stop=\"Clark & Howard\" note=\"a bold and <raw>\" empty=\"\" location=\"\"",
            // Found at any depth; a bus inside a bus is a child of it, not a record of its own.
            "id=8 bus=inner",
            "");
        records.Select(r => r.LineNumber).Should().Equal(2, 12, 14);
        records.Should().OnlyContain(r => r.File == path);
        records[0].Get<string>("stop").Should().Be("Clark & Howard");
        records[1].TryGetValue("stop", out object? missing).Should().BeFalse();
        missing.Should().BeNull();
    }

    [Fact]
    public void The_push_stage_makes_the_same_records_as_the_pull_stage()
    {
        AggregateSink<GenericRecord, List<GenericRecord>> pushed = Sink.ToList<GenericRecord>();

        LogPipeline.Find(BusesOracle.FullPath).Open().PushEvents(Sink.Of<XmlEvent>().Records("bus").To(pushed));

        pushed.Result.IsCompletedSuccessfully.Should().BeTrue();
        pushed.Value.Select(r => $"{r.LineNumber} {r}").Should().Equal(Pull(BusesOracle.FullPath, "bus").Select(r => $"{r.LineNumber} {r}"));
        pushed.Value.Should().HaveCount(400);
    }

    [Fact]
    public void A_push_chain_stops_the_reading_when_it_has_what_it_wants()
    {
        var counters = new LogLinq.Sources.ReadCounters();
        AggregateSink<GenericRecord, List<GenericRecord>> first = Sink.ToList<GenericRecord>();

        LogPipeline.Find(BusesOracle.FullPath).Open(counters).PushEvents(Sink.Of<XmlEvent>().Records("bus").Take(2).To(first));

        first.Value.Select(r => r["id"]).Should().Equal("1000", "1001");
        counters.FilesClosed.Should().Be(1);
        counters.BytesRead.Should().BeLessThanOrEqualTo(XmlSamples.OneBuffer);
    }

    [Fact]
    public void Every_bus_of_the_sample_is_what_System_Xml_Linq_reads()
    {
        List<GenericRecord> records = Pull(BusesOracle.FullPath, "bus");

        records.Should().HaveCount(BusesOracle.Buses.Count);
        for (int i = 0; i < records.Count; i++)
        {
            XElement bus = BusesOracle.Buses[i];
            records[i].Select(f => (f.Key, (string?)f.Value)).Should().Equal(bus.Elements().Select(e => (e.Name.LocalName, (string?)e.Value)), $"bus {i}");
            records[i].LineNumber.Should().Be(BusesOracle.Line(bus));
        }

        records.Count(r => !r.ContainsKey("run")).Should().Be(BusesOracle.Buses.Count(b => b.Element("run") is null)).And.BeGreaterThan(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1bus")]
    [InlineData("a:bus")]
    [InlineData("bus stop")]
    public void A_name_that_is_not_an_xml_name_is_refused_at_once(string element)
    {
        FluentActions.Invoking(() => Array.Empty<XmlEvent>().Records(element)).Should().Throw<ArgumentException>().WithMessage($"*'{element}'*");
        FluentActions.Invoking(() => Sink.Of<XmlEvent>().Records(element)).Should().Throw<ArgumentException>();
    }
}

using System.IO.Compression;
using System.Text;
using LogLinq.Pipeline;
using LogLinq.Push;
using LogLinq.Sources;
using LogLinq.Tests.Push;
using LogLinq.Xml;

namespace LogLinq.Tests.Xml;

/// <summary>
/// The XML source: a small document's events, in order, as written out by hand from the document;
/// the same events pulled and pushed; a sink that wants no more stops the reading.
/// </summary>
public sealed class XmlEventTests
{
    // Lines and columns below are counted by hand from this text (columns from 1).
    private const string Document =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +                 // 1
        "<!-- buses near the lake -->\n" +                                // 2
        "<feed version=\"2\" xmlns:x=\"urn:example\">\n" +              // 3
        "  <bus id=\"7\">\n" +                                           // 4
        "    <route>22</route>\n" +                                      // 5
        "    <stop><![CDATA[Clark & Howard]]></stop>\n" +                // 6
        "    <note>a &amp; b<x:em>bold</x:em></note>\n" +                // 7
        "    <empty/>\n" +                                               // 8
        "  </bus>\n" +                                                   // 9
        "  <?skip me?>\n" +                                              // 10
        "</feed>\n";                                                     // 11

    private static readonly string[] Expected =
    [
        "start feed version=\"2\"", // the xmlns:x declaration is not an attribute
        "start bus id=\"7\"",
        "start route",
        "text \"22\"",
        "end route",
        "start stop",
        "cdata \"Clark & Howard\"",
        "end stop",
        "start note",
        "text \"a & b\"", // the entity expanded
        "start em", // x:em by its local name
        "text \"bold\"",
        "end em",
        "end note",
        "start empty", // <empty/> starts and ends, as SAX has it
        "end empty",
        "end bus",
        "end feed", // no comment, processing instruction or whitespace made an event
    ];

    private static List<XmlEvent> Pull(string path, ReadCounters? counters = null) =>
        [.. LogPipeline.Find(path).Open(counters).Events()];

    [Fact]
    public void A_small_document_gives_its_events_in_order()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("feed.xml", Document);

        List<XmlEvent> events = Pull(path);

        events.Select(e => e.ToString()).Should().Equal(Expected);
        events.Should().OnlyContain(e => e.File == path);
        events.Select(e => e.Depth).Should().Equal(0, 1, 2, 3, 2, 2, 3, 2, 2, 3, 3, 4, 3, 2, 2, 2, 1, 0);
        events.Select(e => e.LineNumber).Should().Equal(3, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 7, 7, 7, 8, 8, 9, 11);

        // Elements are placed at their names: "  <bus" has the name at column 4, "</route>" at 16.
        events.Where(e => e.Kind != XmlEventKind.Text).Select(e => $"{e} @{e.LineNumber}:{e.LinePosition}").Should().Equal(
            "start feed version=\"2\" @3:2",
            "start bus id=\"7\" @4:4",
            "start route @5:6",
            "end route @5:16",
            "start stop @6:6",
            "end stop @6:39",
            "start note @7:6",
            "start em @7:21",
            "end em @7:32",
            "end note @7:39",
            "start empty @8:6",
            "end empty @8:6",
            "end bus @9:5",
            "end feed @11:3");
    }

    [Fact]
    public void Text_says_which_element_it_is_in_and_whether_it_was_cdata()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("feed.xml", Document);

        List<XmlEvent> text = [.. Pull(path).Where(e => e.Kind == XmlEventKind.Text)];

        text.Select(e => (e.Name, e.Text, e.IsCData)).Should().Equal(
            ("route", "22", false), ("stop", "Clark & Howard", true), ("note", "a & b", false), ("em", "bold", false));
        text.Select(e => e.LinePosition).Should().Equal(12, 20, 11, 26); // CDATA's text starts after "<![CDATA["
    }

    [Fact]
    public void Pushed_events_are_the_pulled_ones_and_the_sink_is_completed_once()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("feed.xml", Document);
        var sink = new RecordingSink<XmlEvent>();

        LogPipeline.Find(path).Open().PushEvents(sink);

        sink.Items.Select(e => e.ToString()).Should().Equal(Expected);
        sink.ShouldHaveCompletedOnce();
    }

    [Fact]
    public void Compressed_xml_gives_the_same_events()
    {
        using var temp = new TempDirectory();
        string plain = temp.Write("feed.xml", Document);
        using (var gz = new GZipStream(File.Create(temp.File("feed.xml.gz")), CompressionLevel.Optimal))
        {
            gz.Write(Encoding.UTF8.GetBytes(Document));
        }

        Pull(temp.File("feed.xml.gz")).Select(e => e.ToString()).Should().Equal(Pull(plain).Select(e => e.ToString()));
    }

    [Fact]
    public void A_sink_that_wants_no_more_stops_the_reading_and_closes_the_file()
    {
        using var temp = new TempDirectory();
        string path = XmlSamples.WriteBuses(temp, "big.xml", buses: 40_000);
        long size = new FileInfo(path).Length;
        var counters = new ReadCounters();
        var sink = new RecordingSink<XmlEvent>(wantedItems: 3);

        LogPipeline.Find(path).Open(counters).PushEvents(sink);

        sink.Items.Select(e => e.ToString()).Should().Equal("start buses", "start bus", "start id");
        sink.ShouldHaveCompletedOnce();
        size.Should().BeGreaterThan(4_000_000);
        counters.BytesRead.Should().BeLessThanOrEqualTo(XmlSamples.OneBuffer, "reading stops with the sink");
        counters.FilesClosed.Should().Be(1);
    }

    [Fact]
    public void A_sink_that_throws_is_failed_and_the_error_goes_on_to_the_caller()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("feed.xml", Document);
        var counters = new ReadCounters();
        var sink = new RecordingSink<XmlEvent>(throwOn: e => e.Kind == XmlEventKind.Text);

        Exception thrown = FluentActions.Invoking(() => LogPipeline.Find(path).Open(counters).PushEvents(sink))
            .Should().Throw<InvalidOperationException>().Which;

        sink.Items.Select(e => e.ToString()).Should().Equal("start feed version=\"2\"", "start bus id=\"7\"", "start route");
        sink.ShouldHaveFailedOnceWith(thrown);
        counters.FilesClosed.Should().Be(1);
    }

    [Fact]
    public void Cancelling_fails_the_sink_before_the_next_event()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("feed.xml", Document);
        using var cancel = new CancellationTokenSource();
        var sink = Sink.Create<XmlEvent>(e =>
        {
            if (e.Name == "route")
            {
                cancel.Cancel();
            }
        });

        FluentActions.Invoking(() => LogPipeline.Find(path).Open().PushEvents(sink, cancel.Token))
            .Should().Throw<OperationCanceledException>();
    }
}

using System.IO.Compression;
using LogLinq.Language;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Tests.Xml;

/// <summary>
/// <c>LogSource.Xml</c>: lazy (nothing is opened before enumeration, and <c>First()</c> reads a buffer
/// of a big file, counted in bytes), one file after another, compressed files as they are.
/// </summary>
public sealed class XmlSourceTests
{
    [Fact]
    public void Nothing_is_opened_until_the_query_is_enumerated()
    {
        var counters = new ReadCounters();

        IQueryable<GenericRecord> buses = LogSource.Xml("no/such/*.xml", "bus", new LogSourceOptions { Counters = counters })
            .Where(b => (string?)b["route"] == "22");

        counters.FilesOpened.Should().Be(0);
        FluentActions.Invoking(() => buses.ToList()).Should().Throw<LogSourceException>().WithMessage("no files match 'no/such/*.xml'");
    }

    [Fact]
    public void First_reads_only_the_start_of_a_big_file_and_closes_it()
    {
        using var temp = new TempDirectory();
        string path = XmlSamples.WriteBuses(temp, "big.xml", buses: 60_000);
        var counters = new ReadCounters();

        GenericRecord first = LogSource.Xml(path, "bus", new LogSourceOptions { Counters = counters }).First(b => (string?)b["route"] == "3");

        first["id"].Should().Be("3");
        first.LineNumber.Should().Be(5);
        new FileInfo(path).Length.Should().BeGreaterThan(6_000_000);
        counters.BytesRead.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(XmlSamples.OneBuffer);
        counters.FilesOpened.Should().Be(1);
        counters.FilesClosed.Should().Be(1);
    }

    [Fact]
    public void Every_enumeration_reads_anew_and_reads_the_whole_file()
    {
        using var temp = new TempDirectory();
        string path = XmlSamples.WriteBuses(temp, "buses.xml", buses: 1000);
        var counters = new ReadCounters();
        IQueryable<GenericRecord> buses = LogSource.Xml(path, "bus", new LogSourceOptions { Counters = counters });

        buses.Count().Should().Be(1000);
        buses.Count(b => (string?)b["route"] == "0").Should().Be(143); // ids 0, 7, ..., 994: 995 / 7 rounded up

        counters.FilesOpened.Should().Be(2);
        counters.BytesRead.Should().Be(2 * new FileInfo(path).Length);
    }

    [Fact]
    public void Globs_name_several_files_read_in_order_compressed_ones_too()
    {
        using var temp = new TempDirectory();
        temp.Write("a.xml", "<buses><bus><id>1</id></bus><bus><id>2</id></bus></buses>");
        using (var gz = new GZipStream(File.Create(temp.File("b.xml.gz")), CompressionLevel.Optimal))
        {
            gz.Write("<buses><bus><id>3</id></bus></buses>"u8);
        }

        List<GenericRecord> buses = [.. LogSource.Xml(Path.Combine(temp.Path, "*.xml*"), "bus")];

        buses.Select(b => $"{Path.GetFileName(b.File)} {b["id"]}").Should().Equal("a.xml 1", "a.xml 2", "b.xml.gz 3");
    }

    [Fact]
    public void Cancelling_stops_a_scan_even_in_a_file_with_no_record()
    {
        using var temp = new TempDirectory();
        string path = XmlSamples.WriteBuses(temp, "buses.xml", buses: 1000);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        FluentActions.Invoking(() => LogSource.Xml(path, "nothing", new LogSourceOptions { CancellationToken = cancel.Token }).ToList())
            .Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Compiling_a_query_reads_only_the_first_element_to_learn_the_fields()
    {
        using var temp = new TempDirectory();
        string path = XmlSamples.WriteBuses(temp, "big.xml", buses: 60_000);
        var counters = new ReadCounters();

        CompiledQuery query = QueryCompiler.Compile(
            $"from \"{path}\" as xml(bus) | where route == \"3\" | select id, line",
            new QueryOptions { Source = new LogSourceOptions { Counters = counters } });

        query.Columns.Select(c => c.Name).Should().Equal("id", "line");
        counters.FilesOpened.Should().Be(1);
        counters.FilesClosed.Should().Be(1);
        counters.BytesRead.Should().BeLessThanOrEqualTo(XmlSamples.OneBuffer);

        query.Execute().Rows.First().Should().Equal("3", 5L);
        counters.BytesRead.Should().BeLessThanOrEqualTo(2 * XmlSamples.OneBuffer, "the first row needs no more than the first buffer either");
    }

    [Fact]
    public void An_element_name_that_is_not_an_xml_name_is_refused_at_once()
    {
        FluentActions.Invoking(() => LogSource.Xml("data/buses.xml", "a:bus")).Should().Throw<ArgumentException>().WithMessage("*'a:bus'*");
    }
}

using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Sources;
using LogLinq.Xml;

namespace LogLinq.Tests.Xml;

/// <summary>
/// Malformed XML is an error naming the file, line and column, thrown after everything before the
/// damage was delivered. Positions are counted by hand from the documents.
/// </summary>
public sealed class MalformedXmlTests
{
    [Fact]
    public void A_mismatched_end_tag_is_reported_where_it_is_after_the_records_before_it()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("bad.xml",
            "<buses>\n" +
            "<bus><id>1</id></bus>\n" +
            "<bus><id>2</id></bux>\n" + // "</bux": the name at column 18
            "</buses>\n");
        var delivered = new List<GenericRecord>();

        LogSourceException error = FluentActions.Invoking(() =>
            {
                foreach (GenericRecord bus in LogSource.Xml(path, "bus"))
                {
                    delivered.Add(bus);
                }
            })
            .Should().Throw<LogSourceException>().Which;

        delivered.Select(b => b["id"]).Should().Equal("1");
        error.Message.Should().StartWith($"{path}:3:18: malformed XML: ").And.Contain("'bus'").And.Contain("'bux'").And.NotContain("Line 3");
        error.Path.Should().Be(path);
        error.InnerException.Should().BeOfType<System.Xml.XmlException>();
    }

    [Fact]
    public void A_truncated_file_delivers_every_whole_record_then_says_where_it_ends()
    {
        using var temp = new TempDirectory();

        // The sample cut in the middle of the 101st bus's latitude.
        string sample = File.ReadAllText(BusesOracle.FullPath);
        int cut = sample.IndexOf("<latitude>", sample.IndexOf("<id>1100</id>", StringComparison.Ordinal), StringComparison.Ordinal) + "<latitude>41.".Length;
        string path = temp.Write("cut.xml", sample[..cut]);
        string[] lines = sample[..cut].Split('\n');
        var delivered = new List<GenericRecord>();

        LogSourceException error = FluentActions.Invoking(() =>
            {
                foreach (GenericRecord bus in LogPipeline.Find(path).Open().Events().Records("bus"))
                {
                    delivered.Add(bus);
                }
            })
            .Should().Throw<LogSourceException>().Which;

        delivered.Select(b => (string?)b["id"]).Should().Equal(BusesOracle.Buses.Take(100).Select(b => BusesOracle.Field(b, "id")));

        // The end of the file: the last line, one column past its last character.
        error.Message.Should().StartWith($"{path}:{lines.Length}:{lines[^1].Length + 1}: malformed XML: Unexpected end of file");
    }

    [Fact]
    public void Pushed_events_stop_at_the_damage_and_the_sink_is_failed_with_the_error()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("bad.xml", "<a>\n<b>1</b>\n<b>2<</b>\n</a>\n");
        var sink = new Push.RecordingSink<XmlEvent>();

        LogSourceException error = FluentActions.Invoking(() => LogPipeline.Find(path).Open().PushEvents(sink))
            .Should().Throw<LogSourceException>().Which;

        sink.Items.Select(e => e.ToString()).Should().Equal("start a", "start b", "text \"1\"", "end b", "start b", "text \"2\"");
        sink.ShouldHaveFailedOnceWith(error);
        error.Message.Should().StartWith($"{path}:3:6: malformed XML: "); // "<b>2<" then "/" where a name must start
    }

    [Fact]
    public void A_truncated_compressed_file_is_reported_as_such_after_what_it_held()
    {
        using var temp = new TempDirectory();
        byte[] gz = Compress(File.ReadAllBytes(BusesOracle.FullPath));
        string path = temp.Write("cut.xml.gz", gz[..(gz.Length / 2)]);
        var delivered = new List<GenericRecord>();

        FluentActions.Invoking(() =>
            {
                foreach (GenericRecord bus in LogSource.Xml(path, "bus"))
                {
                    delivered.Add(bus);
                }
            })
            .Should().Throw<LogSourceException>().WithMessage($"{path}: corrupt or truncated gzip data after *");

        delivered.Should().NotBeEmpty();
        delivered.Select(b => (string?)b["id"]).Should().Equal(BusesOracle.Buses.Take(delivered.Count).Select(b => BusesOracle.Field(b, "id")));
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Optimal))
        {
            gz.Write(data);
        }

        return output.ToArray();
    }
}

using LogLinq.Interchange;
using LogLinq.Push;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Tests.Push;

namespace LogLinq.Tests.Interchange;

/// <summary>
/// A log query pushed into a record writer hands it one record object rebound to each line (the
/// writer encodes each at once); any other sink, which may keep what it is given, gets a copy of every
/// line. Expected values are read from the file's text with string splits, not with LogLinq.
/// </summary>
public sealed class BorrowedPushTests
{
    private static readonly string AccessLog = Path.Combine(TestPaths.Data, "access-log");

    [Fact]
    public void A_sink_that_keeps_records_gets_a_copy_of_each()
    {
        var sink = new RecordingSink<LogRecord>();

        LogSource.Open(AccessLog).Where(r => r.Status == 404).Take(40).PushTo(sink);

        // Were the records one object rebound to each line, they would all be the last line.
        sink.Items.Distinct().Should().HaveCount(40);
        sink.Items.Select(r => r.Path).Should().Equal(TextLines().Where(l => l.Status == "404").Take(40).Select(l => l.Path));
    }

    [Fact]
    public void A_writer_gets_every_record_that_passes_in_order()
    {
        var stream = new MemoryStream();
        using (var writer = new RecordStreamWriter(stream, leaveOpen: true))
        {
            LogSource.Open(AccessLog).Where(r => r.Status == 404).Skip(5).Take(60).PushTo(writer);
        }

        List<LogRecord> back = [.. RecordStreamReader.Read(new MemoryStream(stream.ToArray()))];

        var expected = TextLines().Where(l => l.Status == "404").Skip(5).Take(60).ToList();
        back.Select(r => (r.Host, r.Path, r.Status, r.Bytes, r.LineNumber))
            .Should().Equal(expected.Select(l => (l.Host, l.Path, 404, l.Bytes, l.Number)));
    }

    [Fact]
    public void A_writer_after_an_operator_that_keeps_records_still_gets_them_whole()
    {
        // OrderBy holds every record until the end: it must be given copies, writer or not.
        var stream = new MemoryStream();
        using (var writer = new RecordStreamWriter(stream, leaveOpen: true))
        {
            LogSource.Open(AccessLog).Where(r => r.Status == 404).OrderByDescending(r => r.LineNumber).PushTo(writer);
        }

        List<LogRecord> back = [.. RecordStreamReader.Read(new MemoryStream(stream.ToArray()))];

        back.Select(r => (r.Path, r.LineNumber))
            .Should().Equal(TextLines().Where(l => l.Status == "404").Reverse().Select(l => (l.Path, l.Number)));
    }

    /// <summary>The sample log's lines, split by hand: host, path, status and bytes.</summary>
    private static IEnumerable<(long Number, string Host, string Path, string Status, long Bytes)> TextLines() =>
        File.ReadLines(AccessLog).Select((line, index) =>
        {
            string[] quoted = line.Split('"');
            string[] after = quoted[2].Trim().Split(' ');
            return ((long)index + 1, line[..line.IndexOf(' ')], quoted[1].Split(' ')[1], after[0], after[1] == "-" ? 0L : long.Parse(after[1]));
        });
}

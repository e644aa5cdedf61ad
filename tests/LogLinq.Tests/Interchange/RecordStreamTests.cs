using System.Text;
using LogLinq.Interchange;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Sources;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Interchange;

/// <summary>The binary record stream: what goes in comes out, field for field, and damage is named.</summary>
public sealed class RecordStreamTests
{
    /// <summary>Records whose fields are at the edges of what each can hold.</summary>
    public static List<LogRecord> OddRecords() =>
    [
        new("10.0.0.1", new DateTimeOffset(2008, 2, 24, 0, 8, 59, TimeSpan.FromHours(-6)), "GET", "/", "HTTP/1.1", 200, 0),
        new("", new DateTimeOffset(1, 1, 1, 14, 0, 0, TimeSpan.FromHours(14)), "", "", "", 0, 0, referrer: "", userAgent: "", ident: "", user: "", file: "", lineNumber: 0, virtualHost: "", duration: TimeSpan.Zero),
        new("::1", new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.FromHours(12)).AddTicks(9_999_999), "PÖST", "/ünï/cødé?q=✓&x=\u0000\t\n\"", "HTTP/2", -1, long.MaxValue, referrer: null, userAgent: "Mozilla/5.0 (😀)", file: "ファイル.log", lineNumber: long.MaxValue, virtualHost: "ẞtraße.example:8443", duration: TimeSpan.MaxValue),
        new("h", new DateTimeOffset(2024, 6, 1, 12, 0, 0, new TimeSpan(5, 45, 0)).AddTicks(1234567), "M", new string('p', 70_000), "P", int.MinValue, long.MinValue, referrer: new string('r', 20_000), userAgent: null, ident: "-", user: "alice", file: "a", lineNumber: -5),
        new("h2", DateTimeOffset.UnixEpoch, "GET", "/x", "HTTP/1.0", 404, 133, referrer: "-", userAgent: "-", file: "a", lineNumber: 1, virtualHost: "example.com:80", duration: TimeSpan.FromTicks(15_000_001)),
    ];

    [Fact]
    public void Odd_records_come_back_field_for_field_nulls_and_offsets_included()
    {
        List<LogRecord> records = OddRecords();

        List<LogRecord> back = RoundTrip(records);

        back.ShouldEqualFieldForField(records);
        back[2].Referrer.Should().BeNull();
        back[1].Referrer.Should().BeEmpty("an empty text is not a missing one");
        back[3].Time.Offset.Should().Be(new TimeSpan(5, 45, 0));
        back[0].VirtualHost.Should().BeNull();
        back[1].VirtualHost.Should().BeEmpty();
        back[4].VirtualHost.Should().Be("example.com:80");
        back.Select(b => b.Duration).Should().Equal(null, TimeSpan.Zero, TimeSpan.MaxValue, null, TimeSpan.FromTicks(15_000_001));
    }

    [Fact]
    public void Parsed_records_keep_their_duration_through_the_stream()
    {
        // Written from the lines' bytes (a JSON line's fields), not from values.
        using var dir = new TempDirectory();
        string log = dir.Write(
            "access.json",
            "{\"time\":\"2026-11-26T10:00:00Z\",\"status\":200,\"path\":\"/a\",\"request_time\":\"0.123\"}\n"
            + "{\"time\":\"2026-11-26T10:00:01Z\",\"status\":200,\"path\":\"/b\"}\n");
        List<LogRecord> original = [.. LogSource.Open(log)];

        List<LogRecord> back = RoundTrip(original);

        back.ShouldEqualFieldForField(original);
        back.Select(r => r.Duration).Should().Equal(TimeSpan.FromMilliseconds(123), null);
    }

    [Fact]
    public void A_stream_written_before_duration_was_added_reads_with_no_duration()
    {
        // The fourteen fields of the writers between vhost and duration.
        LogRecord r = OddRecords()[4];
        byte[] stream = new HandWrittenStream()
            .Text("host", r.Host).Text("ident", r.Ident).Text("user", r.User).Time("time", r.Time)
            .Text("method", r.Method).Text("path", r.Path).Text("protocol", r.Protocol)
            .Integer("status", 2, r.Status).Integer("bytes", 3, r.Bytes)
            .Text("referrer", r.Referrer).Text("agent", r.UserAgent).Text("file", r.File).Integer("line", 3, r.LineNumber)
            .Text("vhost", r.VirtualHost)
            .ToArray();

        List<LogRecord> back = [.. RecordStreamReader.Read(new MemoryStream(stream))];

        back.Should().ContainSingle();
        back[0].Duration.Should().BeNull();
        back[0].VirtualHost.Should().Be("example.com:80");
    }

    [Fact]
    public void A_duration_is_text_of_its_ticks_and_anything_else_is_damage()
    {
        LogRecord r = OddRecords()[0];
        HandWrittenStream Stream(string duration) => new HandWrittenStream()
            .Text("duration", duration).Text("host", r.Host).Text("ident", r.Ident).Text("user", r.User).Time("time", r.Time)
            .Text("method", r.Method).Text("path", r.Path).Text("protocol", r.Protocol)
            .Integer("status", 2, r.Status).Integer("bytes", 3, r.Bytes)
            .Text("referrer", r.Referrer).Text("agent", r.UserAgent).Text("file", r.File).Integer("line", 3, r.LineNumber);

        RecordStreamReader.Read(new MemoryStream(Stream("25000000").ToArray())).Single().Duration.Should().Be(TimeSpan.FromSeconds(2.5));

        Action read = () => RecordStreamReader.Read(new MemoryStream(Stream("2.5s").ToArray()), "s").ToList();
        read.Should().Throw<LogSourceException>().WithMessage("s: record 1 is damaged: its duration is '2.5s', not a count of ticks");
    }

    [Fact]
    public void Vhost_combined_lines_come_back_with_their_virtual_host_and_common_ones_without()
    {
        using var dir = new TempDirectory();
        string log = dir.Write(
            "mixed.log",
            "example.com:80 203.0.113.9 - - [25/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"\n"
            + "203.0.113.7 - - [25/Nov/2026:10:00:02 +0000] \"GET /b HTTP/1.1\" 200 1\n");
        List<LogRecord> original = [.. LogSource.Open(log)];

        List<LogRecord> back = RoundTrip(original);

        back.ShouldEqualFieldForField(original);
        back.Select(r => r.VirtualHost).Should().Equal("example.com:80", null);
    }

    [Fact]
    public void A_stream_written_before_vhost_was_added_reads_with_no_virtual_host()
    {
        // The thirteen fields of the first writers, in their order, by hand.
        LogRecord r = OddRecords()[4];
        byte[] stream = new HandWrittenStream()
            .Text("host", r.Host).Text("ident", r.Ident).Text("user", r.User).Time("time", r.Time)
            .Text("method", r.Method).Text("path", r.Path).Text("protocol", r.Protocol)
            .Integer("status", 2, r.Status).Integer("bytes", 3, r.Bytes)
            .Text("referrer", r.Referrer).Text("agent", r.UserAgent).Text("file", r.File).Integer("line", 3, r.LineNumber)
            .ToArray();

        List<LogRecord> back = [.. RecordStreamReader.Read(new MemoryStream(stream))];

        back.Should().ContainSingle();
        back[0].VirtualHost.Should().BeNull();
        back[0].Host.Should().Be("h2");
        back[0].LineNumber.Should().Be(1);
    }

    [Fact]
    public void Every_record_under_data_comes_back_as_the_provider_read_it()
    {
        List<LogRecord> original = [.. LogSource.Open(Path.Combine(TestPaths.Data, "**", "access-log*"))];
        original.Should().HaveCount((int)(SampleLogFacts.Records * SampleLogFacts.CopiesUnderData), "seven copies of the sample log");

        List<LogRecord> back = RoundTrip(original);

        back.ShouldEqualFieldForField(original);
    }

    [Fact]
    public void An_empty_stream_is_a_header_and_an_end_mark_and_reads_as_no_records()
    {
        var bytes = new MemoryStream();
        new RecordStreamWriter(bytes, leaveOpen: true).Complete();

        bytes.ToArray().AsSpan(0, 8).ToArray().Should().Equal(0x89, (byte)'L', (byte)'Q', (byte)'R', 0x0D, 0x0A, 0x1A, 0x0A);
        bytes.ToArray()[^1].Should().Be(0, "the end mark is a record length of zero");
        RecordStreamReader.Read(new MemoryStream(bytes.ToArray())).Should().BeEmpty();
    }

    [Fact]
    public void Concatenated_streams_read_as_one()
    {
        List<LogRecord> records = OddRecords();
        byte[] first = Write(records[..2]);
        byte[] second = Write(records[2..]);

        List<LogRecord> back = [.. RecordStreamReader.Read(new MemoryStream([.. first, .. second]))];

        back.ShouldEqualFieldForField(records);
    }

    [Fact]
    public void Text_is_not_a_record_stream()
    {
        var text = new MemoryStream(Encoding.UTF8.GetBytes("140.180.132.213 - - [24/Feb/2008:00:08:59 -0600] \"GET / HTTP/1.1\" 200 97238\n"));

        Action read = () => RecordStreamReader.Read(text, "access-log").ToList();

        read.Should().Throw<LogSourceException>().WithMessage("access-log: not a LogLinq record stream: it starts '140.180.132.213 ', not with the stream's magic bytes");
    }

    [Fact]
    public void A_newer_version_is_refused_by_number()
    {
        byte[] stream = Write(OddRecords());
        stream[8].Should().Be(1, "the version follows the eight magic bytes");
        stream[8] = 7;

        Action read = () => RecordStreamReader.Read(new MemoryStream(stream), "s").ToList();

        read.Should().Throw<LogSourceException>().WithMessage("s: record stream version 7 is newer than this loglinq reads (up to 1)*");
    }

    [Fact]
    public void A_stream_cut_inside_a_record_names_the_record_after_delivering_those_before_it()
    {
        List<LogRecord> records = OddRecords();
        byte[] whole = Write(records);
        int afterTwo = Write(records[..2]).Length - 1; // the same header and two records, less the end mark
        var delivered = new List<LogRecord>();

        Action read = () =>
        {
            foreach (LogRecord r in RecordStreamReader.Read(new MemoryStream(whole[..(afterTwo + 5)]), "standard input"))
            {
                delivered.Add(r);
            }
        };

        read.Should().Throw<LogSourceException>().WithMessage("standard input: the record stream ends in the middle of record 3");
        delivered.ShouldEqualFieldForField(records[..2]);
    }

    [Fact]
    public void A_stream_cut_between_records_is_told_by_its_missing_end_mark()
    {
        List<LogRecord> records = OddRecords();
        byte[] whole = Write(records);

        Action read = () => RecordStreamReader.Read(new MemoryStream(whole[..^1]), "s").ToList();

        read.Should().Throw<LogSourceException>().WithMessage("s: the record stream ends after record 5 without its end mark*");
    }

    [Fact]
    public void A_writer_disposed_without_completing_leaves_the_end_mark_out()
    {
        var bytes = new MemoryStream();
        using (var writer = new RecordStreamWriter(bytes, leaveOpen: true))
        {
            writer.Write(OddRecords()[0]);
        }

        Action read = () => RecordStreamReader.Read(new MemoryStream(bytes.ToArray()), "s").ToList();

        read.Should().Throw<LogSourceException>().WithMessage("s: the record stream ends after record 1 without its end mark*");
    }

    [Fact]
    public void Fields_the_reader_does_not_know_are_read_past_and_the_order_of_fields_is_free()
    {
        // A stream as a later writer might make it: the fields in another order, and one more.
        LogRecord r = OddRecords()[2];
        byte[] stream = new HandWrittenStream()
            .Integer("line", 3, r.LineNumber).Text("extra", "ignored").Text("vhost", r.VirtualHost)
            .Text("duration", r.Duration!.Value.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)).Text("file", r.File)
            .Text("agent", r.UserAgent).Text("referrer", r.Referrer).Integer("bytes", 3, r.Bytes).Integer("status", 2, r.Status)
            .Text("protocol", r.Protocol).Text("path", r.Path).Text("method", r.Method).Time("time", r.Time)
            .Text("user", r.User).Text("ident", r.Ident).Text("host", r.Host)
            .ToArray();

        List<LogRecord> back = [.. RecordStreamReader.Read(new MemoryStream(stream))];

        back.ShouldEqualFieldForField([r]);
    }

    [Fact]
    public void A_field_of_the_wrong_type_is_named()
    {
        byte[] stream = Write(OddRecords());
        int status = Encoding.ASCII.GetString(stream).IndexOf("status", StringComparison.Ordinal);
        stream[status + 6] = 1; // the type byte after the name: text instead of a 32-bit integer

        Action read = () => RecordStreamReader.Read(new MemoryStream(stream), "s").ToList();

        read.Should().Throw<LogSourceException>().WithMessage("s: the record stream's field 'status' is text, where loglinq reads a 32-bit integer");
    }

    [Fact]
    public void A_null_where_a_record_needs_text_is_damage_named_by_record()
    {
        var record = new LogRecord("h", DateTimeOffset.UnixEpoch, "GET", "/", "HTTP/1.1", 200, 1);
        byte[] stream = Write([record, record]);
        int header = Write([]).Length - 1;
        int second = header + 1 + stream[header]; // the first record's length is one byte
        stream[second + 1].Should().Be(2, "the host \"h\" is written as its length plus one");
        stream[second + 1] = 0;
        var delivered = new List<LogRecord>();

        Action read = () => delivered.AddRange(RecordStreamReader.Read(new MemoryStream(stream), "s"));

        read.Should().Throw<LogSourceException>().WithMessage("s: record 2 is damaged: its host is null, which only referrer, agent and vhost may be");
        delivered.Should().ContainSingle();
    }

    [Fact]
    public void A_writer_whose_reader_closed_the_pipe_stops_asking_for_records()
    {
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out);
        using (var reader = new System.IO.Pipes.AnonymousPipeClientStream(System.IO.Pipes.PipeDirection.In, pipe.ClientSafePipeHandle))
        {
        }

        pipe.DisposeLocalCopyOfClientHandle();
        var writer = new RecordStreamWriter(pipe);
        LogRecord record = OddRecords()[3]; // 90 KB: the first push writes a block
        int pushed = 0;
        while (pushed < 100 && writer.Push(record))
        {
            pushed++;
        }

        writer.ReaderGone.Should().BeTrue();
        pushed.Should().BeLessThan(100);
        writer.Complete(); // does not throw: the reader leaving is a normal end
    }

    private static List<LogRecord> RoundTrip(IReadOnlyList<LogRecord> records) =>
        [.. RecordStreamReader.Read(new MemoryStream(Write(records)))];

    private static byte[] Write(IReadOnlyList<LogRecord> records)
    {
        var bytes = new MemoryStream();
        var writer = new RecordStreamWriter(bytes, leaveOpen: true);
        foreach (LogRecord r in records)
        {
            writer.Write(r);
        }

        writer.Complete();
        return bytes.ToArray();
    }

    /// <summary>
    /// A one-record stream written by hand, field by field (name, type, value), as another writer
    /// might: the header of version 1, the record, the end mark.
    /// </summary>
    private sealed class HandWrittenStream
    {
        private readonly List<byte> _fields = [];
        private readonly List<byte> _body = [];
        private int _count;

        public HandWrittenStream Text(string name, string? value)
        {
            Field(name, 1);
            _body.AddRange(value is null ? [0] : [.. Varint(Encoding.UTF8.GetByteCount(value) + 1), .. Encoding.UTF8.GetBytes(value)]);
            return this;
        }

        /// <param name="type">2 for a 32-bit integer, 3 for a 64-bit one.</param>
        public HandWrittenStream Integer(string name, byte type, long value)
        {
            Field(name, type);
            _body.AddRange(Varint((value << 1) ^ (value >> 63)));
            return this;
        }

        public HandWrittenStream Time(string name, DateTimeOffset value)
        {
            Field(name, 4);
            _body.AddRange(BitConverter.GetBytes(value.Ticks));
            _body.AddRange(Varint(((long)value.TotalOffsetMinutes << 1) ^ ((long)value.TotalOffsetMinutes >> 63)));
            return this;
        }

        public byte[] ToArray() =>
            [0x89, (byte)'L', (byte)'Q', (byte)'R', 0x0D, 0x0A, 0x1A, 0x0A, 1, (byte)_count, .. _fields, .. Varint(_body.Count), .. _body, 0];

        private void Field(string name, byte type)
        {
            _fields.AddRange([(byte)name.Length, .. Encoding.ASCII.GetBytes(name), type]);
            _count++;
        }
    }

    private static byte[] Varint(long value)
    {
        var bytes = new List<byte>();
        var v = (ulong)value;
        while (v >= 0x80)
        {
            bytes.Add((byte)(v | 0x80));
            v >>= 7;
        }

        bytes.Add((byte)v);
        return [.. bytes];
    }
}

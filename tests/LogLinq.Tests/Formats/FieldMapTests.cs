using System.Text;
using System.Text.RegularExpressions;
using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Records;

namespace LogLinq.Tests.Formats;

public sealed class FieldMapTests : IDisposable
{
    private const string Pattern = @"^(?<host>\S+) (?<status>\d{3}) (?<bytes>\d+|-)$";

    private static readonly FieldMap Map = FieldMap.FromRegex(Pattern)
        .Convert("status", int.Parse)
        .Convert("bytes", s => s == "-" ? 0L : long.Parse(s));

    private readonly string _dir = Directory.CreateTempSubdirectory("loglinq-fieldmap-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Fields_are_the_named_groups_in_order()
    {
        FieldMap.FromRegex(@"^(?<a>\w+)(\s+)(?:x)?(?<b>\d+)").Fields.Should().Equal("a", "b");
        Map.Fields.Should().Equal("host", "status", "bytes");
        Map.ToString().Should().Be(Pattern);
    }

    [Fact]
    public void Converted_groups_are_typed_and_the_rest_stay_strings()
    {
        List<GenericRecord> records = [.. Lines("10.0.0.1 200 512", "10.0.0.2 404 -").ParseWith(Map)];

        records.Should().HaveCount(2);
        records[0]["host"].Should().Be("10.0.0.1");
        records[0]["status"].Should().Be(200).And.BeOfType<int>();
        records[0]["bytes"].Should().Be(512L).And.BeOfType<long>();
        records[1].Get<string>("host").Should().Be("10.0.0.2");
        records[1].Get<int>("status").Should().Be(404);
        records[1].Get<long>("bytes").Should().Be(0L);
        records[1].File.Should().Be("memory.log");
        records[1].LineNumber.Should().Be(2);
    }

    [Fact]
    public void Convert_returns_a_new_map_and_leaves_the_original_alone()
    {
        FieldMap plain = FieldMap.FromRegex(Pattern);
        FieldMap typed = plain.Convert("status", int.Parse);

        Lines("10.0.0.1 200 512").ParseWith(plain).Single()["status"].Should().Be("200");
        Lines("10.0.0.1 200 512").ParseWith(typed).Single()["status"].Should().Be(200);
    }

    [Fact]
    public void A_later_converter_for_a_field_replaces_the_earlier_one()
    {
        FieldMap map = FieldMap.FromRegex(Pattern).Convert("status", int.Parse).Convert("status", s => s[0] == '2');

        Lines("10.0.0.1 200 512").ParseWith(map).Single()["status"].Should().Be(true);
    }

    [Fact]
    public void A_group_outside_the_match_is_null_and_not_converted()
    {
        int calls = 0;
        FieldMap map = FieldMap.FromRegex(@"^(?<path>\S+)(?: (?<ms>\d+))?$").Convert("ms", s => { calls++; return int.Parse(s); });

        List<GenericRecord> records = [.. Lines("/a 12", "/b").ParseWith(map)];

        records[0]["ms"].Should().Be(12);
        records[1]["ms"].Should().BeNull();
        records[1].Get<int?>("ms").Should().BeNull();
        calls.Should().Be(1);
    }

    [Fact]
    public void A_line_that_does_not_match_is_malformed()
    {
        var report = new ParseReport();

        List<GenericRecord> records = [.. Lines("10.0.0.1 200 512", "10.0.0.2 OK 1", "", "10.0.0.3 500 7").ParseWith(Map, report)];

        records.Select(r => r["host"]).Should().Equal("10.0.0.1", "10.0.0.3");
        report.Records.Should().Be(2);
        report.Malformed.Should().Be(1, "the blank line is skipped, not malformed");
        report.Samples.Should().Equal(new MalformedLine("memory.log", 2, "does not match the custom pattern"));
    }

    [Fact]
    public void A_converter_that_throws_makes_the_line_malformed_naming_field_and_value()
    {
        FieldMap map = FieldMap.FromRegex(@"^(?<host>\S+) (?<status>\S+)$").Convert("status", int.Parse);
        var report = new ParseReport();

        List<GenericRecord> records = [.. Lines("10.0.0.1 200", "10.0.0.2 2OO", "10.0.0.3 99999999999").ParseWith(map, report)];

        records.Should().ContainSingle().Which["status"].Should().Be(200);
        report.Malformed.Should().Be(2);
        report.Samples[0].LineNumber.Should().Be(2);
        report.Samples[0].Reason.Should().StartWith("field 'status': cannot convert '2OO': ");
        report.Samples[1].LineNumber.Should().Be(3);
        report.Samples[1].Reason.Should().StartWith("field 'status': cannot convert '99999999999': ");
    }

    [Fact]
    public void Strict_mode_throws_at_the_first_malformed_line()
    {
        Action scan = () => Lines("10.0.0.1 200 512", "nope").ParseWith(Map, strict: true).ToList();

        scan.Should().Throw<MalformedLogException>()
            .Which.Line.Should().Be(new MalformedLine("memory.log", 2, "does not match the custom pattern"));
    }

    [Fact]
    public void A_pattern_that_times_out_makes_the_line_malformed()
    {
        // Nested quantifiers backtrack exponentially on a run of 'a's that fails at the end.
        FieldMap map = FieldMap.FromRegex(new Regex(@"^(?<x>(a+)+)$", RegexOptions.None, TimeSpan.FromMilliseconds(20)));
        var report = new ParseReport();
        _ = Lines(new string('a', 40) + "!").ParseWith(map, report).ToList();

        report.Malformed.Should().Be(1);
        report.Samples[0].Reason.Should().StartWith("the custom pattern took longer than");
    }

    [Fact]
    public void Bad_maps_are_refused_where_they_are_built()
    {
        Action noNames = () => FieldMap.FromRegex(@"^(\S+) (\d+)$");
        Action unknownField = () => FieldMap.FromRegex(Pattern).Convert("size", long.Parse);
        Action badPattern = () => FieldMap.FromRegex("(?<open");
        Action noMap = () => Lines("x").ParseWith(null!);

        noNames.Should().Throw<ArgumentException>().WithMessage("*no named groups*");
        unknownField.Should().Throw<ArgumentException>().WithMessage("*no group named 'size'*host, status, bytes*");
        badPattern.Should().Throw<ArgumentException>();
        noMap.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Reads_a_file_through_the_pipeline()
    {
        string path = Path.Combine(_dir, "app.log");
        File.WriteAllText(
            path,
            "2024-03-01T10:00:00Z INFO  user=alice took=12ms\n" +
            "2024-03-01T10:00:01Z WARN  user=bob took=340ms\n" +
            "a stack trace line\n" +
            "2024-03-01T10:00:02Z ERROR user=carol took=1500ms\n",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        FieldMap map = FieldMap.FromRegex(@"^(?<time>\S+) (?<level>[A-Z]+) +user=(?<user>\w+) took=(?<took>\d+)ms$")
            .Convert("time", s => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            .Convert("took", s => TimeSpan.FromMilliseconds(int.Parse(s)));
        var report = new ParseReport();

        List<GenericRecord> records = [.. new[] { path }.Open().Cat().ParseWith(map, report)];

        records.Select(r => r.Get<string>("user")).Should().Equal("alice", "bob", "carol");
        records.Select(r => r.Get<string>("level")).Should().Equal("INFO", "WARN", "ERROR");
        records[2].Get<DateTimeOffset>("time").Should().Be(new DateTimeOffset(2024, 3, 1, 10, 0, 2, TimeSpan.Zero));
        records[2].Get<TimeSpan>("took").Should().Be(TimeSpan.FromSeconds(1.5));
        records[2].LineNumber.Should().Be(4);
        records[2].File.Should().Be(path);
        report.Malformed.Should().Be(1);
        report.Samples.Should().Equal(new MalformedLine(path, 3, "does not match the custom pattern"));
        records.Where(r => r.Get<TimeSpan>("took") > TimeSpan.FromMilliseconds(100)).Select(r => r["user"]).Should().Equal("bob", "carol");
    }

    private static IEnumerable<LogLine> Lines(params string[] lines) =>
        lines.Select((text, i) => new LogLine("memory.log", i + 1, Encoding.UTF8.GetBytes(text)));
}

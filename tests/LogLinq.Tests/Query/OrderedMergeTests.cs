using System.Text;
using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Query;
using LogLinq.Query.Execution;
using LogLinq.Records;

namespace LogLinq.Tests.Query;

/// <summary>
/// Parts' partial aggregates are folded together in part order, each as soon as the parts before it
/// have ended, whatever order they end in; a part that started mid-file has its line numbers moved
/// on by the lines of the parts of its file before it. Expectations written out by hand.
/// </summary>
public sealed class OrderedMergeTests
{
    [Fact]
    public void Parts_that_end_out_of_order_are_merged_in_order_as_soon_as_they_can_be()
    {
        // a.log whole, b.log in three ranges, c.log whole.
        ScanPart[] parts =
        [
            new("a.log", 0, -1, null), new("b.log", 0, 100, null), new("b.log", 100, 200, null), new("b.log", 200, 300, null), new("c.log", 0, -1, null),
        ];
        var log = new List<string>();
        var merge = new OrderedMerge(parts, single: false);
        for (int i = 0; i < parts.Length; i++)
        {
            merge.Hold(i, new Recording(i, log));
        }

        merge.Ended(2, lines: 7);
        merge.Ended(4, lines: 5);
        log.Should().BeEmpty("part 0 has not ended");

        merge.Ended(0, lines: 10);
        log.Should().BeEmpty("part 1, before part 2, has not ended: part 0 alone is the merged state so far");

        merge.Ended(1, lines: 3);
        log.Should().Equal("0 merges 1", "2 rebased by 3", "0 merges 2");

        merge.Ended(3, lines: 4);
        log.Should().Equal("0 merges 1", "2 rebased by 3", "0 merges 2", "3 rebased by 10", "0 merges 3", "0 merges 4");
        ((Recording)merge.Result()).Part.Should().Be(0);
    }

    [Fact]
    public void Asking_for_the_result_before_every_part_has_ended_is_a_mistake()
    {
        var merge = new OrderedMerge([new ScanPart("a.log", 0, -1, null), new ScanPart("b.log", 0, -1, null)], single: false);
        merge.Hold(0, new Recording(0, []));
        merge.Hold(1, new Recording(1, []));
        merge.Ended(1, lines: 1);

        FluentActions.Invoking(merge.Result).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Groups_over_hundreds_of_files_come_in_the_order_first_seen_as_over_one_list()
    {
        // 400 files, each of a few lines of its own paths and some shared ones: the groups' order is the
        // order each path first appears in, file after file.
        using var dir = new TempDirectory();
        var files = new List<string>();
        for (int f = 0; f < 400; f++)
        {
            var text = new StringBuilder();
            for (int l = 0; l < 5; l++)
            {
                string path = l % 2 == 0 ? $"/shared{l}" : $"/f{f}/l{l}";
                text.Append($"192.0.2.{f % 250} - - [26/Nov/2026:12:{l:D2}:00 +0000] \"GET {path} HTTP/1.1\" {(l == 3 ? 404 : 200)} {f + l}\n");
            }

            files.Add(dir.Write($"access-{f:D3}.log", text.ToString()));
        }

        var options = new LogSourceOptions { MaxDegreeOfParallelism = 2 };
        List<LogRecord> all = [.. files.Open().Cat().Parse(LogFormat.Common)];

        LogSource.Open(Path.Combine(dir.Path, "access-*.log"), options).GroupBy(r => r.Path).Select(g => new { g.Key, N = g.Count(), Bytes = g.Sum(r => r.Bytes) }).ToList()
            .Should().Equal(all.GroupBy(r => r.Path).Select(g => new { g.Key, N = g.Count(), Bytes = g.Sum(r => r.Bytes) }));
        LogSource.Open(Path.Combine(dir.Path, "access-*.log"), options).Where(r => r.Status == 404).Select(r => r.Host).Distinct().ToList()
            .Should().Equal(all.Where(r => r.Status == 404).Select(r => r.Host).Distinct());
    }

    [Fact]
    public void Malformed_lines_of_hundreds_of_files_are_reported_in_file_order()
    {
        // Every file's second line is broken: the report's first samples are the first files', in
        // order, however the two workers' parts end.
        using var dir = new TempDirectory();
        for (int f = 0; f < 300; f++)
        {
            dir.Write($"access-{f:D3}.log", $"192.0.2.1 - - [26/Nov/2026:12:00:00 +0000] \"GET /a HTTP/1.1\" 200 {f}\nbroken line {f}\n");
        }

        var report = new ParseReport();
        long sum = LogSource.Open(Path.Combine(dir.Path, "access-*.log"), new LogSourceOptions { MaxDegreeOfParallelism = 2, Report = report }).Sum(r => r.Bytes);

        sum.Should().Be(299 * 300 / 2);
        report.Records.Should().Be(300);
        report.Malformed.Should().Be(300);
        report.Samples.Select(m => (Path.GetFileName(m.File), m.LineNumber)).Should().Equal(
            Enumerable.Range(0, report.Samples.Count).Select(f => ($"access-{f:D3}.log", 2L)));
    }

    /// <summary>A state that only writes down what is done to it.</summary>
    private sealed class Recording(int part, List<string> log) : PartialAggregate
    {
        public int Part => part;

        public override void Accept(ref Row row) => throw new NotSupportedException();

        public override void Merge(PartialAggregate next) => log.Add($"{part} merges {((Recording)next).Part}");

        public override void Rebase(long lineBase) => log.Add($"{part} rebased by {lineBase}");

        public override object? Result() => part;
    }
}

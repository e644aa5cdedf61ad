using System.Text;
using System.Text.RegularExpressions;
using LogLinq.Formats;
using LogLinq.Pipeline;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Tests.Core;

public sealed class PipelineTests : IDisposable
{
    private const string Good1 = """140.180.132.213 - - [24/Feb/2008:00:08:59 -0600] "GET /ply/ply.html HTTP/1.1" 200 97238""";
    private const string Good2 = """75.54.118.139 - - [24/Feb/2008:00:15:40 -0600] "GET / HTTP/1.1" 200 4447""";
    private const string BadStart = "garbage";
    private const string BadMonth = """75.54.118.139 - - [24/Fob/2008:00:15:40 -0600] "GET / HTTP/1.1" 200 4447""";
    private const string BadStatus = """75.54.118.139 - - [24/Feb/2008:00:15:40 -0600] "GET / HTTP/1.1" x 4447""";

    private static readonly string AccessLog = Path.Combine(TestPaths.Data, "access-log");

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static IEnumerable<LogRecord> Records(ParseReport? report = null, bool strict = false, LogFormat? format = null, params string[] paths) =>
        LogPipeline.Find(paths).Open().Cat().Parse(format, report, strict);

    [Fact]
    public void Malformed_lines_are_counted_per_file_with_located_samples()
    {
        string a = _temp.Write("a.log", string.Join("\n", Good1, Good2, BadStart, "", Good1, BadMonth) + "\n");
        string b = _temp.Write("b.log", string.Join("\r\n", Good2, BadStatus, Good1));
        var report = new ParseReport();

        List<LogRecord> records = [.. Records(report, paths: [a, b])];

        records.Select(r => (r.File, r.LineNumber)).Should().Equal((a, 1L), (a, 2L), (a, 5L), (b, 1L), (b, 3L));
        report.Records.Should().Be(5);
        report.Malformed.Should().Be(3);
        report.MalformedByFile.Should().BeEquivalentTo(new Dictionary<string, long> { [a] = 2, [b] = 1 });

        report.Samples.Select(s => (s.File, s.LineNumber)).Should().Equal((a, 3L), (a, 6L), (b, 2L));
        string[] samples = [.. report.Samples.Select(s => s.ToString())];
        samples[0].Should().StartWith($"{a}:3: ").And.Contain("host, ident and user");
        samples[1].Should().StartWith($"{a}:6: ").And.Contain("time");
        samples[2].Should().StartWith($"{b}:2: ").And.Contain("status");
    }

    [Fact]
    public void Only_the_first_malformed_lines_are_kept_as_samples_but_all_are_counted()
    {
        string bad = _temp.Write("bad.log", string.Concat(Enumerable.Range(0, 25).Select(i => $"bad line {i}\n")));
        var report = new ParseReport();

        Records(report, paths: bad).Should().BeEmpty();

        report.Malformed.Should().Be(25);
        report.Records.Should().Be(0);
        report.MalformedByFile[bad].Should().Be(25);
        report.Samples.Should().HaveCount(ParseReport.MaxSamples);
        report.Samples.Select(s => s.LineNumber).Should().Equal(Enumerable.Range(1, ParseReport.MaxSamples).Select(i => (long)i));
    }

    [Fact]
    public void A_clean_file_has_an_empty_report()
    {
        var report = new ParseReport();

        Records(report, paths: AccessLog).Count().Should().Be(7298);

        report.Records.Should().Be(7298);
        report.Malformed.Should().Be(0);
        report.MalformedByFile.Should().BeEmpty();
        report.Samples.Should().BeEmpty();
    }

    [Fact]
    public void Strict_mode_throws_at_the_first_malformed_line_naming_file_and_line()
    {
        string a = _temp.Write("a.log", string.Join("\n", Good1, Good2, "", BadStatus, BadStart));
        var seen = new List<long>();

        var act = () =>
        {
            foreach (LogRecord r in Records(strict: true, paths: a))
            {
                seen.Add(r.LineNumber);
            }
        };

        MalformedLogException thrown = act.Should().Throw<MalformedLogException>().Which;
        thrown.Line.File.Should().Be(a);
        thrown.Line.LineNumber.Should().Be(4);
        thrown.Line.Reason.Should().Contain("status");
        thrown.Message.Should().Contain($"{a}:4: ");
        seen.Should().Equal([1L, 2L], "records before the bad line were delivered as they came");
    }

    [Fact]
    public void Strict_mode_passes_a_clean_file()
    {
        Records(strict: true, paths: AccessLog).Count().Should().Be(7298);
    }

    [Fact]
    public void A_file_of_binary_noise_is_malformed_lines_not_a_crash()
    {
        byte[] noise = new byte[2 * 1024 * 1024];
        new Random(7).NextBytes(noise);
        string before = _temp.Write("1-good.log", File.ReadAllBytes(AccessLog));
        string bin = _temp.Write("2-noise.bin", noise);
        string after = _temp.Write("3-good.log", File.ReadAllBytes(AccessLog));
        var report = new ParseReport();

        int records = Records(report, paths: [before, bin, after]).Count();

        records.Should().Be(2 * 7298, "the good files around the noise still parse");
        report.Records.Should().Be(2 * 7298);
        report.Malformed.Should().Be(NonBlankLines(noise));
        report.MalformedByFile.Keys.Should().Equal(bin);
        report.Samples.Should().OnlyContain(s => s.File == bin && s.Reason.Length > 0);
    }

    [Fact]
    public void Binary_noise_without_newlines_is_one_over_long_malformed_line()
    {
        byte[] noise = new byte[LineReader.MaxLineLength + 1000];
        new Random(8).NextBytes(noise);
        for (int i = 0; i < noise.Length; i++)
        {
            if (noise[i] is (byte)'\n' or (byte)' ' or (byte)'\t')
            {
                noise[i] = (byte)'~';
            }
        }

        var report = new ParseReport();
        string path = _temp.Write("noise.bin", noise);

        Records(report, paths: path).Should().BeEmpty();

        report.Malformed.Should().Be(1);
        report.Samples.Should().Equal(new MalformedLine(path, 1, LineReader.OverlongReason));
    }

    [Fact]
    public void An_over_long_line_is_one_line_through_cat_grep_and_parse()
    {
        byte[] huge = new byte[LineReader.MaxLineLength + 1];
        huge.AsSpan().Fill((byte)'x');
        string path = _temp.Write("huge.log", [.. Encoding.ASCII.GetBytes(Good1 + "\n"), .. huge, .. Encoding.ASCII.GetBytes("\r\n" + Good2 + "\n" + BadStart + "\n"), .. huge]);
        var report = new ParseReport();

        List<(long, bool, int)> lines = [.. LogPipeline.Find(path).Open().Cat().Select(l => (l.Number, l.IsOverlong, l.Bytes.Length))];
        List<long> parsed = [.. LogPipeline.Find(path).Open().Cat().Grep("GET").Parse(report: report).Select(r => r.LineNumber)];
        Action strict = () => LogPipeline.Find(path).Open().Cat().Parse(strict: true).ToList();

        lines.Should().Equal((1L, false, Good1.Length), (2L, true, 0), (3L, false, Good2.Length), (4L, false, BadStart.Length), (5L, true, 0));
        parsed.Should().Equal(1L, 3L);
        report.Samples.Should().Equal(new MalformedLine(path, 2, LineReader.OverlongReason), new MalformedLine(path, 5, LineReader.OverlongReason));
        strict.Should().Throw<MalformedLogException>().Which.Line.Should().Be(new MalformedLine(path, 2, LineReader.OverlongReason));
    }

    [Fact]
    public void Lines_are_numbered_per_file_and_name_their_file()
    {
        string a = _temp.Write("a.log", "one\ntwo\n");
        string b = _temp.Write("b.log", "three");

        List<(string File, long Number, string Text, string Location)> lines =
            [.. LogPipeline.Find(a, b).Open().Cat().Select(l => (l.File, l.Number, l.ToString(), l.Location))];

        lines.Should().Equal((a, 1L, "one", $"{a}:1"), (a, 2L, "two", $"{a}:2"), (b, 1L, "three", $"{b}:1"));
    }

    [Fact]
    public void A_copied_line_keeps_its_bytes_after_the_enumeration_moves_on()
    {
        List<LogLine> copies = [.. LogPipeline.Find(AccessLog).Open().Cat().Select(l => l.Copy())];
        string[] expected = File.ReadAllLines(AccessLog);

        copies.Should().HaveCount(expected.Length);
        copies[0].ToString().Should().Be(expected[0]);
        copies[3000].ToString().Should().Be(expected[3000]);
        copies[^1].ToString().Should().Be(expected[^1]);
    }

    [Fact]
    public void Grep_matches_a_regex_against_raw_lines()
    {
        string[] all = File.ReadAllLines(AccessLog);
        foreach (string pattern in new[] { @"ply-2\.3\.tar\.gz", @"^140\.180\.132\.213 ", "\" 404 [0-9-]+$", "POST", @"(?i)\.PDF HTTP|wiki\.pl\?" })
        {
            var regex = new Regex(pattern);
            string[] expected = [.. all.Where(l => regex.IsMatch(l))];
            expected.Should().NotBeEmpty();

            List<string> matched = [.. LogPipeline.Find(AccessLog).Open().Cat().Grep(pattern).Select(l => l.ToString())];
            List<string> matchedByRegex = [.. LogPipeline.Find(AccessLog).Open().Cat().Grep(regex).Select(l => l.ToString())];

            matched.Should().Equal(expected, $"grep '{pattern}'");
            matchedByRegex.Should().Equal(expected);
        }
    }

    [Fact]
    public void Grep_counts_verified_with_grep_on_the_shell()
    {
        // grep -c 'ply-2.3.tar.gz' data/access-log; grep -cE '" 404 [0-9-]+$' ...; grep -c POST ...
        LogPipeline.Find(AccessLog).Open().Cat().Grep(@"ply-2\.3\.tar\.gz").Count().Should().Be(115);
        LogPipeline.Find(AccessLog).Open().Cat().Grep("\" 404 [0-9-]+$").Count().Should().Be(2053);
        LogPipeline.Find(AccessLog).Open().Cat().Grep("POST").Count().Should().Be(165);
        LogPipeline.Find(AccessLog).Open().Cat().Grep("^140\\.180\\.132\\.213 ").Count().Should().Be(6);
    }

    [Fact]
    public void Grep_then_parse_keeps_line_numbers()
    {
        List<LogRecord> notFound = [.. LogPipeline.Find(AccessLog).Open().Cat().Grep("\" 404 \\d+$").Parse()];

        notFound.Should().HaveCount(2053).And.OnlyContain(r => r.Status == 404);
        notFound[0].LineNumber.Should().Be(2, "line 2 of the sample is the first 404, for /favicon.ico");
        notFound[0].Path.Should().Be("/favicon.ico");
    }

    [Fact]
    public void Grep_passes_lines_with_invalid_utf8_through_untouched()
    {
        byte[] weird = [0xFF, 0xFE, (byte)' ', .. "needle"u8, (byte)' ', 0xC3, 0x28];
        string path = _temp.Write("weird.log", [.. "first\n"u8, .. weird, (byte)'\n', .. "needle again\n"u8]);

        List<(long Number, byte[] Bytes)> hits = [.. LogPipeline.Find(path).Open().Cat().Grep("needle").Select(l => (l.Number, l.Bytes.ToArray()))];

        hits.Should().HaveCount(2);
        hits[0].Number.Should().Be(2);
        hits[0].Bytes.Should().Equal(weird);
        hits[1].Number.Should().Be(3);
        LogPipeline.Find(path).Open().Cat().Grep("\uFFFD").Select(l => l.Number).Should().Equal([2L], "invalid bytes read as U+FFFD");
    }

    [Fact]
    public void Grep_handles_a_long_line()
    {
        string longLine = new string('x', 3_000_000) + "needle";
        string path = _temp.Write("long.log", $"short\n{longLine}\nneedle\n");

        LogPipeline.Find(path).Open().Cat().Grep("needle$").Select(l => (l.Number, l.Bytes.Length))
            .Should().Equal((2L, longLine.Length), (3L, 6));
    }

    [Fact]
    public void The_combined_format_rejects_common_lines_and_auto_accepts_them()
    {
        var combined = new ParseReport();
        Records(combined, format: LogFormat.Combined, paths: AccessLog).Should().BeEmpty();
        combined.Malformed.Should().Be(7298);
        combined.Samples[0].Reason.Should().Contain("combined");

        var auto = new ParseReport();
        Records(auto, format: LogFormat.Auto, paths: AccessLog).Count().Should().Be(7298);
        auto.Malformed.Should().Be(0);
    }

    [Fact]
    public void Auto_detection_skips_leading_blank_lines()
    {
        string path = _temp.Write("blank-start.log", $"\n  \n\t\n{Good1}\n\n{Good2}\n");
        var report = new ParseReport();

        Records(report, format: LogFormat.Auto, paths: path).Select(r => r.LineNumber).Should().Equal(4L, 6L);
        report.Malformed.Should().Be(0);
    }

    [Fact]
    public void An_empty_file_yields_nothing()
    {
        string path = _temp.Write("empty.log", Array.Empty<byte>());
        var report = new ParseReport();

        Records(report, paths: path).Should().BeEmpty();
        report.Records.Should().Be(0);
        report.Malformed.Should().Be(0);
    }

    [Fact]
    public void Nothing_is_opened_before_enumeration()
    {
        var counters = new ReadCounters();
        string missing = Path.Combine(_temp.Path, "not-there.log");

        IEnumerable<LogRecord> query = LogPipeline.Find(AccessLog, missing).Open(counters).Cat().Grep("x").Parse();

        counters.FilesOpened.Should().Be(0);
        counters.BytesRead.Should().Be(0);
        query.Should().NotBeNull();
    }

    /// <summary>
    /// Lines of <paramref name="bytes"/> that hold something other than spaces and tabs, counted
    /// without LogLinq: split on '\n', the last piece only if non-empty, a trailing '\r' dropped.
    /// </summary>
    private static int NonBlankLines(byte[] bytes)
    {
        int count = 0;
        int start = 0;
        while (start < bytes.Length)
        {
            int newline = Array.IndexOf(bytes, (byte)'\n', start);
            int end = newline < 0 ? bytes.Length : newline;
            int length = end - start;
            if (length > 0 && bytes[end - 1] == '\r')
            {
                length--;
            }

            // Leading NULs are the hole a copy-truncate leaves, not text; then only blanks may follow.
            int text = start;
            while (text < start + length && bytes[text] == 0)
            {
                text++;
            }

            bool blank = true;
            for (int i = text; i < start + length && blank; i++)
            {
                blank = bytes[i] is (byte)' ' or (byte)'\t';
            }

            count += blank ? 0 : 1;
            start = end + 1;
        }

        return count;
    }

    [Fact]
    public void The_noise_line_counter_agrees_with_a_hand_count()
    {
        NonBlankLines(Encoding.ASCII.GetBytes("a\n\n \t\r\nb\r\nc")).Should().Be(3);
        NonBlankLines(Encoding.ASCII.GetBytes("\0\0\n\0 \n \0\n\0x")).Should().Be(2);
        NonBlankLines(Encoding.ASCII.GetBytes("a\n")).Should().Be(1);
        NonBlankLines([]).Should().Be(0);
    }
}

using System.IO.Compression;
using System.Text;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Tests.Query;

/// <summary>
/// A compressed copy cut short, as a glob finds one that logrotate is still writing (or one damaged):
/// with <see cref="LogSourceOptions.SkipDamagedFiles"/> its lines before the damage are read, it is
/// named in the report, and the other files' answers are kept; without it, or in strict mode, the
/// scan stops at it as before.
/// </summary>
public sealed class DamagedFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _first;
    private readonly string _cut;
    private readonly string _last;
    private readonly int _linesBeforeDamage;

    public DamagedFileTests()
    {
        _first = _temp.Write("a.log", Lines(0, 10));
        byte[] whole = Gzip(Lines(10, 3010));
        _cut = _temp.Write("b.log.gz", whole[..(whole.Length / 2)]);
        _last = _temp.Write("c.log", Lines(3010, 3020));

        // What the cut file holds, as .NET's own GZipStream gives it (it ends quietly where the data does).
        using var gzip = new GZipStream(File.OpenRead(_cut), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        _linesBeforeDamage = plain.ToArray().Count((byte)'\n');
        _linesBeforeDamage.Should().BeInRange(1, 2999);
    }

    public void Dispose() => _temp.Dispose();

    private static string Lines(int from, int to) => string.Concat(Enumerable.Range(from, to - from).Select(i =>
        $"10.0.0.{i % 250} - - [28/Oct/2023:10:00:{i % 60:00} +0000] \"GET /p{i} HTTP/1.1\" 200 1 \"-\" \"ua\"\n"));

    private static byte[] Gzip(string text)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return compressed.ToArray();
    }

    private string[] Files => [_first, _cut, _last];

    [Fact]
    public void Its_lines_before_the_damage_and_the_other_files_are_read_and_it_is_named()
    {
        var report = new ParseReport();
        var options = new LogSourceOptions { Report = report, SkipDamagedFiles = true };

        LogSource.Open(Files, options).Count().Should().Be(20 + _linesBeforeDamage);
        LogSource.Open(Files, options).Sum(r => r.Bytes).Should().Be(20 + _linesBeforeDamage);
        LogSource.Open(Files, options).Select(r => r.File).ToList().Should().Equal(
            [.. Enumerable.Repeat(_first, 10), .. Enumerable.Repeat(_cut, _linesBeforeDamage), .. Enumerable.Repeat(_last, 10)]);

        report.Malformed.Should().Be(0);
        report.DamagedFiles.Should().ContainSingle("three scans met it, and it is named once").Which.File.Should().Be(_cut);
        report.DamagedFiles[0].Reason.Should().MatchRegex(@"^corrupt or truncated gzip data after \d+ bytes \(read up to there\)$");
    }

    [Fact]
    public void A_file_damaged_at_its_first_bytes_is_named_and_passed_over()
    {
        string header = _temp.Write("d.log.gz", [0x1f, 0x8b]);
        var report = new ParseReport();
        var options = new LogSourceOptions { Report = report, SkipDamagedFiles = true };

        LogSource.Open([_first, header, _last], options).Count().Should().Be(20);
        LogSource.Open([_first, header, _last], options).Select(r => r.Path).ToList().Should().HaveCount(20);

        report.DamagedFiles.Should().ContainSingle().Which.File.Should().Be(header);
    }

    [Fact]
    public void A_glob_over_files_and_a_batch_keep_going_too()
    {
        var report = new ParseReport();
        var options = new LogSourceOptions { Report = report, SkipDamagedFiles = true };
        var batch = new LogBatch(LogSource.Open(_temp.File("*"), options));
        var count = batch.Add(q => q.Count());

        batch.Run();

        count.Value.Should().Be(20 + _linesBeforeDamage);
        report.DamagedFiles.Should().ContainSingle().Which.File.Should().Be(_cut);
    }

    [Fact]
    public void A_file_deleted_after_the_glob_found_it_is_named_and_the_next_is_read()
    {
        // logrotate deletes the oldest copy while a query runs: the glob had found it.
        string doomed = _temp.Write("b2.log", Lines(0, 5));
        var report = new ParseReport();
        var options = new LogSourceOptions { Report = report, SkipDamagedFiles = true };
        using IEnumerator<string> paths = LogSource.Open([_first, doomed, _last], options).Select(r => r.File).GetEnumerator();

        paths.MoveNext().Should().BeTrue();
        File.Delete(doomed);
        var rest = new List<string> { paths.Current };
        while (paths.MoveNext())
        {
            rest.Add(paths.Current);
        }

        rest.Should().Equal([.. Enumerable.Repeat(_first, 10), .. Enumerable.Repeat(_last, 10)]);
        report.DamagedFiles.Should().Equal(new SkippedFile(doomed, "no such file (not read)"));
    }

    [Fact]
    public void Without_the_option_or_in_strict_mode_the_scan_stops_at_it()
    {
        var stop = () => LogSource.Open(Files).Count();
        stop.Should().Throw<LogSourceException>().Which.Path.Should().Be(_cut);

        var strict = () => LogSource.Open(Files, new LogSourceOptions { Strict = true, SkipDamagedFiles = true }).Select(r => r.Path).ToList();
        strict.Should().Throw<LogSourceException>().Which.Path.Should().Be(_cut);
    }
}

using System.Text;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Sources;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Sources;

/// <summary>
/// A zip archive, as IIS servers and hosting panels hand logs out, read as the files in it one after
/// another: made here with .NET's ZipArchive and with Info-ZIP's <c>zip</c>, checked against the
/// sample log's facts (worked out with awk) and against lines written by hand.
/// </summary>
public sealed class ZipArchiveTests : IDisposable
{
    private const string IisFields =
        "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status sc-bytes time-taken\r\n";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Common(int i) =>
        $"10.0.0.{i % 250} - - [28/Oct/2023:10:00:{i % 60:00} +0000] \"GET /p{i} HTTP/1.1\" 200 {i} \"-\" \"ua\"\n";

    private static string Lines(int from, int to) => string.Concat(Enumerable.Range(from, to - from).Select(Common));

    [Fact]
    public void The_sample_log_in_two_entries_reads_as_the_sample_log()
    {
        (byte[] first, byte[] rest) = ZipArchives.SplitSample(3000);
        string zip = ZipArchives.Write(_temp.File("x.zip"), ("access-log.1", first), ("access-log", rest));

        LogSource.Open(zip).LongCount().Should().Be(SampleLogFacts.Records);
        LogSource.Open(zip).Sum(r => r.Bytes).Should().Be(SampleLogFacts.TotalBytes);
        LogSource.Open(zip).Select(r => r.File).Distinct().Should().Equal(zip);
    }

    [Fact]
    public void The_entries_are_read_in_the_archives_order_and_line_numbers_count_on_across_them()
    {
        string zip = ZipArchives.Write(_temp.File("x.zip"), ("b.log", Lines(0, 3)), ("a.log", Lines(3, 5)));

        LogSource.Open(zip).Select(r => r.Path).ToList().Should().Equal("/p0", "/p1", "/p2", "/p3", "/p4");
        LogSource.Open(zip).Select(r => r.LineNumber).ToList().Should().Equal(1, 2, 3, 4, 5);
    }

    [Fact]
    public void A_file_without_a_final_newline_does_not_join_the_next_ones_first_line()
    {
        string zip = ZipArchives.Write(_temp.File("x.zip"), ("a.log", Lines(0, 2).TrimEnd('\n')), ("empty.log", ""), ("b.log", Lines(2, 3)));
        var report = new ParseReport();

        LogSource.Open(zip, new LogSourceOptions { Report = report }).Select(r => r.Path).ToList().Should().Equal("/p0", "/p1", "/p2");

        report.Malformed.Should().Be(0);
    }

    [Fact]
    public void Directories_are_passed_over_and_an_empty_archive_reads_as_empty()
    {
        string zip = ZipArchives.Write(_temp.File("x.zip"), ("logs/", ""), ("logs/a.log", Lines(0, 2)), ("logs/old/", ""));
        string empty = ZipArchives.Write(_temp.File("empty.zip"), Array.Empty<(string, string)>());

        LogSource.Open(zip).Count().Should().Be(2);
        File.ReadAllBytes(empty).Should().StartWith("PK\x05\x06"u8.ToArray(), "an archive without files is only its end record");
        LogSource.Open(empty).Count().Should().Be(0);
    }

    [Fact]
    public void Two_iis_logs_with_the_same_fields_give_every_row()
    {
        // sc-bytes 512 + 1024 in the first log, 2048 in the second.
        string first = "#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n#Date: 2024-03-10 00:00:00\r\n" + IisFields
            + "2024-03-10 14:02:11 10.0.0.4 GET /default.aspx id=7 443 - 203.0.113.5 curl/8.5.0 - 200 0 0 512 46\r\n"
            + "2024-03-10 14:02:12 10.0.0.4 GET /missing - 443 - 203.0.113.6 curl/8.5.0 - 404 0 2 1024 3\r\n";
        string second = "#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n#Date: 2024-03-11 00:00:00\r\n" + IisFields
            + "2024-03-11 09:00:00 10.0.0.4 POST /api/login - 443 - 203.0.113.7 curl/8.5.0 - 401 1 5 2048 12\r\n";
        string zip = ZipArchives.Write(_temp.File("W3SVC1.zip"), ("W3SVC1/u_ex240310.log", first), ("W3SVC1/u_ex240311.log", second));
        var report = new ParseReport();

        LogSource.Open(zip, new LogSourceOptions { Report = report }).Select(r => r.Path).ToList().Should().Equal("/default.aspx?id=7", "/missing", "/api/login");
        LogSource.Open(zip).Sum(r => r.Bytes).Should().Be(512 + 1024 + 2048);
        LogSource.Open(zip).Select(r => r.Status).ToList().Should().Equal(200, 404, 401);

        report.Malformed.Should().Be(0);
    }

    [Fact]
    public void Two_csv_logs_with_a_header_each_give_every_row()
    {
        string header = "host,path,status,bytes,time\n";
        string zip = ZipArchives.Write(
            _temp.File("export.zip"),
            ("jan.csv", header + "192.0.2.1,/a,200,10,2024-01-02T03:04:05Z\n192.0.2.2,/b,404,20,2024-01-02T03:04:06Z\n"),
            ("feb.csv", header + "192.0.2.3,/c,200,40,2024-02-02T03:04:05Z\n"));
        var report = new ParseReport();

        LogSource.Open(zip, new LogSourceOptions { Report = report }).Select(r => r.Path).ToList().Should().Equal("/a", "/b", "/c");
        LogSource.Open(zip).Sum(r => r.Bytes).Should().Be(70);

        report.Malformed.Should().Be(0);
    }

    [Fact]
    public void An_archive_in_a_glob_with_plain_and_gzip_files_is_read_with_them()
    {
        Directory.CreateDirectory(_temp.File("logs"));
        ZipArchives.Write(_temp.File("logs/a.zip"), ("a1.log", Lines(0, 3)), ("a2.log", Lines(3, 4)));
        _temp.Write("logs/b.log", Lines(4, 6));
        _temp.Write("logs/c.log.gz", Gzip(Lines(6, 10)));

        LogSource.Open(_temp.File("logs/*")).Count().Should().Be(10);
        LogSource.Open(_temp.File("logs/*")).Sum(r => r.Bytes).Should().Be(Enumerable.Range(0, 10).Sum());
    }

    [Fact]
    public void An_archive_cut_short_in_a_file_is_an_error_naming_it_and_the_scan_goes_on_past_it_as_for_a_gzip_file()
    {
        (byte[] first, byte[] rest) = ZipArchives.SplitSample(3000);
        byte[] whole = File.ReadAllBytes(ZipArchives.Write(_temp.File("whole.zip"), ("access-log.1", first), ("access-log", rest)));
        File.Delete(_temp.File("whole.zip"));
        string cut = _temp.Write("b.zip", whole[..(whole.Length / 2)]);
        string before = _temp.Write("a.log", Lines(0, 10));
        string after = _temp.Write("c.log", Lines(10, 20));

        var stop = () => LogSource.Open([before, cut, after]).Count();
        stop.Should().Throw<LogSourceException>()
            .Which.Message.Should().Be($"{cut}: corrupt or truncated zip data after 0 bytes", "the archive's directory, at its end, is gone");

        var report = new ParseReport();
        LogSource.Open([before, cut, after], new LogSourceOptions { Report = report, SkipDamagedFiles = true }).Count().Should().Be(20);
        report.DamagedFiles.Should().Equal(new SkippedFile(cut, "corrupt or truncated zip data after 0 bytes (read up to there)"));
    }

    [ZipToolFact]
    public void An_archive_made_by_the_zip_command_reads_as_the_sample_log()
    {
        (byte[] first, byte[] rest) = ZipArchives.SplitSample(3000);
        _temp.Write("access-log.1", first);
        _temp.Write("access-log", rest);
        string zip = ZipArchives.Zip(_temp.Path, "logs.zip", [], "access-log.1", "access-log");

        LogSource.Open(zip).LongCount().Should().Be(SampleLogFacts.Records);
        LogSource.Open(zip).Sum(r => r.Bytes).Should().Be(SampleLogFacts.TotalBytes);
    }

    [ZipToolFact]
    public void An_encrypted_file_is_an_error_naming_the_archive_and_the_file_after_the_ones_before_it()
    {
        // More than the first read, in which a scan looks for the format: the damage is met after lines.
        _temp.Write("a.log", Lines(0, 3000));
        string zip = ZipArchives.Zip(_temp.Path, "plain.zip", [], "a.log");
        _temp.Write("secret.log", Lines(3, 5));
        ZipArchives.Zip(_temp.Path, "plain.zip", ["-P", "secret"], "secret.log");
        var report = new ParseReport();

        LogSource.Open(zip, new LogSourceOptions { Report = report, SkipDamagedFiles = true }).Count().Should().Be(3000);

        int delivered = Lines(0, 3000).Length;
        report.DamagedFiles.Should().Equal(new SkippedFile(zip, $"entry secret.log: encrypted zip data after {delivered} bytes (read up to there)"));
    }

    [ZipToolFact]
    public void A_file_compressed_by_a_method_dotnet_does_not_decode_is_an_error_naming_it()
    {
        _temp.Write("a.log", Lines(0, 3));
        string zip = ZipArchives.Zip(_temp.Path, "bzip2.zip", ["-Z", "bzip2"], "a.log");

        var read = () => LogSource.Open(zip).Count();

        read.Should().Throw<LogSourceException>().Which.Message.Should().StartWith($"{zip}: entry a.log: unreadable zip data (");
    }

    private static byte[] Gzip(string text)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return compressed.ToArray();
    }
}

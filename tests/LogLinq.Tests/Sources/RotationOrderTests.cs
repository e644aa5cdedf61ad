using LogLinq.Formats;
using LogLinq.Query;
using LogLinq.Records;
using LogLinq.Sources;

namespace LogLinq.Tests.Sources;

/// <summary>
/// The order in which a glob gives the copies of rotated logs: real files in a temporary directory,
/// found by <see cref="GlobFinder"/>; every expected order is written out by hand, oldest first.
/// </summary>
public sealed class RotationOrderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Creates the files (directories as needed) in the order given, which the result must not follow.</summary>
    private void Create(params string[] relative)
    {
        foreach (string file in relative)
        {
            string path = _dir.File(file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file + "\n");
        }
    }

    private string[] Find(params string[] globs) => [.. GlobFinder.Find(globs.Select(_dir.File))];

    private string[] Expect(params string[] relative) => [.. relative.Select(_dir.File)];

    [Fact]
    public void Logrotate_numbers_descend_compressed_or_not_and_the_live_file_comes_last()
    {
        Create(
            "access.log", "access.log.1", "access.log.10.gz", "access.log.11.gz", "access.log.2.gz",
            "access.log.3.bz2", "access.log.4.xz", "access.log.5.zst", "access.log.9.gz");

        Find("access.log*").Should().Equal(Expect(
            "access.log.11.gz", "access.log.10.gz", "access.log.9.gz", "access.log.5.zst", "access.log.4.xz",
            "access.log.3.bz2", "access.log.2.gz", "access.log.1", "access.log"));
    }

    [Fact]
    public void Date_stamps_ascend_and_the_live_file_comes_last()
    {
        // data/www/foo's layout (GlobFinderTests finds the real one), then logrotate's dateext
        // (-%Y%m%d), a dated name with dashes, and dateformat .%Y%m%d, whose 8 digits after a dot
        // are a date, not a logrotate number.
        Create("access-log", "access-log-0208.gz", "access-log-0108.gz");
        Create("syslog", "syslog-20231108", "syslog-20231101.gz", "syslog-20231025.gz");
        Create("app.log", "app.log.2023-11-02.xz", "app.log.2023-11-01", "app.log.2023-10-31.gz");
        Create("mail.log", "mail.log.20231101", "mail.log.20231025.gz");

        Find("access-log*").Should().Equal(Expect("access-log-0108.gz", "access-log-0208.gz", "access-log"));
        Find("syslog*").Should().Equal(Expect("syslog-20231025.gz", "syslog-20231101.gz", "syslog-20231108", "syslog"));
        Find("app.log*").Should().Equal(Expect("app.log.2023-10-31.gz", "app.log.2023-11-01", "app.log.2023-11-02.xz", "app.log"));
        Find("mail.log*").Should().Equal(Expect("mail.log.20231025.gz", "mail.log.20231101", "mail.log"));
    }

    [Fact]
    public void Copies_of_different_logs_in_one_directory_stay_grouped_in_the_ordinal_order_of_the_logs()
    {
        Create(
            "error.log.2.gz", "access.log", "other.txt", "error.log", "access.log.bak", "access.log.2.gz",
            "error.log.1", "access", "access.log.1", "zebra.log.1", "access.log.old.1");

        // The logs, ordinally: access < access.log < access.log.bak < access.log.old < error.log
        // < other.txt < zebra.log. ".bak" and ".old" are not stamps (no digit), so those are logs of
        // their own, not copies of access.log.
        string[] expected = Expect(
            "access",
            "access.log.2.gz", "access.log.1", "access.log",
            "access.log.bak",
            "access.log.old.1",
            "error.log.2.gz", "error.log.1", "error.log",
            "other.txt",
            "zebra.log.1");
        Find("*").Should().Equal(expected);
        Find("*").Should().Equal(expected, "the order is the same every time");
    }

    [Fact]
    public void Numbers_compare_by_value_not_by_text()
    {
        Create("n.log", "n.log.2", "n.log.10", "n.log.100.gz", "n.log.9");
        Create("s-log", "s-log-2", "s-log-10", "s-log-9.gz", "s-log-100");
        Create("v.log", "v.log-2023-1-9", "v.log-2023-1-10", "v.log-2023-10-1");

        Find("n.log*").Should().Equal(Expect("n.log.100.gz", "n.log.10", "n.log.9", "n.log.2", "n.log"));
        Find("s-log*").Should().Equal(Expect("s-log-2", "s-log-9.gz", "s-log-10", "s-log-100", "s-log"));
        Find("v.log*").Should().Equal(Expect("v.log-2023-1-9", "v.log-2023-1-10", "v.log-2023-10-1", "v.log"));
    }

    [Fact]
    public void Several_directories_under_double_star_each_keep_their_own_rotation()
    {
        Create(
            "b/access.log", "b/access.log.1", "a/access.log.2.gz", "a/access.log", "a/access.log.1",
            "access.log.1", "access.log", "a/deep/access.log-20231101", "a/deep/access.log");

        // Paths are ordered by their log, ordinally, as paths were before ("R/a/access.log" before
        // "R/a/deep/access.log" before "R/access.log" because '/' < 'c' and 'a' < 'd'), and within each log
        // oldest first.
        Find("**/access.log*").Should().Equal(Expect(
            "a/access.log.2.gz", "a/access.log.1", "a/access.log",
            "a/deep/access.log-20231101", "a/deep/access.log",
            "access.log.1", "access.log",
            "b/access.log.1", "b/access.log"));
    }

    [Fact]
    public void A_glob_keeps_its_place_and_a_file_found_twice_keeps_its_first_place()
    {
        Create("a.log", "a.log.1", "a.log.2.gz", "b.log", "b.log.1");

        Find("b.log*", "a.log*", "*.1").Should().Equal(Expect(
            "b.log.1", "b.log", "a.log.2.gz", "a.log.1", "a.log"));
    }

    [Fact]
    public void Edge_names_numbered_stamped_or_neither()
    {
        // "x.0": logrotate's "start 0". "x.01": a leading zero is no logrotate number, so a stamp (1).
        // "x.123456": six digits after a dot are a date (YYMMDD), not a count; as a stamp its value
        // is below 20231101. "x.gz": a compressed copy without a number is closed, so older than the
        // plain x, which may still be written.
        Create("x", "x.0", "x.1", "x.01", "x.123456", "x.gz", "x-20231101T1000", "x-20231101T0930");
        Find("x*").Should().Equal(Expect(
            "x.1", "x.0",
            "x.01", "x.123456", "x-20231101T0930", "x-20231101T1000",
            "x.gz", "x"));

        // A stamp needs a base name of at least one character before it: ".1", "-5" and ".gz" are
        // logs of their own, ordered ordinally ('-' < '.', '1' < 'g'), while "2023-11-01" is a copy
        // of a log "2023" (a harmless reading: the two still come in time order).
        Create("only/2023", "only/2023-11-01", "only/.1", "only/.gz", "only/-5");
        Find("only/*").Should().Equal(Expect("only/-5", "only/.1", "only/.gz", "only/2023-11-01", "only/2023"));
    }

    [Fact]
    public void A_query_reads_a_rotated_log_oldest_first_and_reports_its_malformed_lines_in_that_order()
    {
        // Each copy holds two requests (its day in the path) and one malformed line; the oldest is gzip.
        static string[] Day(string day) =>
        [
            $"10.0.0.1 - - [{day}/Nov/2023:00:00:00 +0000] \"GET /{day}/a HTTP/1.1\" 200 10",
            "not a log line",
            $"10.0.0.1 - - [{day}/Nov/2023:12:00:00 +0000] \"GET /{day}/b HTTP/1.1\" 200 20",
        ];
        _dir.WriteLines("site.log", Day("03"));
        _dir.WriteLines("site.log.1", Day("02"));
        string plain = _dir.WriteLines("site.log.2", Day("01"));
        Tools.Compress("gzip", plain, _dir.File("site.log.2.gz"));
        File.Delete(plain);

        var report = new ParseReport();
        var options = new LogSourceOptions { Format = LogFormat.Common };
        LogSource.Open(_dir.File("site.log*"), options with { Report = report }).Select(r => r.Path).ToList()
            .Should().Equal("/01/a", "/01/b", "/02/a", "/02/b", "/03/a", "/03/b");

        IQueryable<LogRecord> logs = LogSource.Open(_dir.File("site.log*"), options);
        logs.First().Path.Should().Be("/01/a");
        logs.Take(3).Select(r => r.Path).ToList().Should().Equal("/01/a", "/01/b", "/02/a");
        report.Samples.Select(sample => (Path.GetFileName(sample.File), sample.LineNumber)).Should().Equal(
            ("site.log.2.gz", 2L), ("site.log.1", 2L), ("site.log", 2L));
    }
}

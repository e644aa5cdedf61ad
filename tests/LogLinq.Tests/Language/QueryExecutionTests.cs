using LogLinq.Language;
using LogLinq.Query;
using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Language;

/// <summary>
/// Queries run in-process on the sample log and on small logs made here, checked against numbers
/// the shell gave (see <see cref="SampleLogFacts"/> for the commands) or that can be counted by eye.
/// </summary>
public class QueryExecutionTests
{
    private static readonly string Log = Path.Combine(TestPaths.Data, "access-log");

    private static QueryResult Run(string query, string? log = null, LogSourceOptions? source = null) =>
        QueryCompiler.Compile(query, new QueryOptions { Globs = [log ?? Log], Source = source ?? new LogSourceOptions() }).Execute();

    private static object? Scalar(string query, string? log = null) => Run(query, log).Rows.Single().Single();

    private static List<object?[]> Rows(string query, string? log = null) => [.. Run(query, log).Rows];

    [Fact]
    public void The_tutorial_questions()
    {
        Scalar("summarize sum(bytes)").Should().Be(SampleLogFacts.TotalBytes);
        Scalar("where bytes > 1000000 | count").Should().Be(SampleLogFacts.OverOneMegabyte);
        Scalar("summarize dcount(host)").Should().Be((long)SampleLogFacts.UniqueHosts);
        Rows("where status == 404 | distinct path | sort by path").Select(r => (string)r[0]!).Should().Equal(SampleLogFacts.BrokenDocuments);
        Rows("where path == '/robots.txt' | distinct host | sort by host").Select(r => (string)r[0]!).Should().Equal(SampleLogFacts.RobotsHosts);
        Rows("top 1 by bytes | select path, bytes").Single().Should().Equal(SampleLogFacts.LargestPath, SampleLogFacts.LargestBytes);
        Rows("where status == 200 | summarize count() as n by path | sort by n desc, path | take 10")
            .Select(r => ((string)r[0]!, (long)r[1]!)).Should().Equal(SampleLogFacts.TopDownloads);
    }

    [Fact]
    public void Count_is_a_scalar_result()
    {
        QueryResult result = Run("count");
        result.IsScalar.Should().BeTrue();
        result.Scalar.Should().Be(SampleLogFacts.Records);
        result.Rows.Single().Should().Equal(SampleLogFacts.Records);
    }

    [Fact]
    public void Summarize_of_nothing_is_one_row_of_zeros_and_nulls()
    {
        Rows("where status == 999 | summarize count(), sum(bytes), dcount(host), max(bytes), avg(bytes)")
            .Single().Should().Equal(0L, 0L, 0L, null, null);
        Rows("where status == 999 | summarize count() by host").Should().BeEmpty();
    }

    [Fact]
    public void Parameters_are_typed_by_their_use()
    {
        // awk '$7=="/ply/ply-2.3.tar.gz"' data/access-log | wc -l
        QueryCompiler.Compile("where path == $file | count", new QueryOptions
        {
            Globs = [Log],
            Parameters = new Dictionary<string, string> { ["file"] = "/ply/ply-2.3.tar.gz" },
        }).Execute().Scalar.Should().Be(115L);

        // awk '$9==404' data/access-log | wc -l
        QueryCompiler.Compile("where status == $code and bytes >= $min | count", new QueryOptions
        {
            Globs = [Log],
            Parameters = new Dictionary<string, string> { ["code"] = "404", ["min"] = "0KB" },
        }).Execute().Scalar.Should().Be(2053L);
    }

    [Fact]
    public void Functions_on_a_small_log()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines(
            "combined.log",
            "10.0.0.1 - - [24/Feb/2008:00:08:59 -0600] \"GET /a/b.tar.GZ?x=1 HTTP/1.1\" 200 1000 \"http://example.com/\" \"Mozilla/5.0\"",
            "10.0.0.2 - - [24/Feb/2008:01:30:00 -0600] \"GET /index.html HTTP/1.1\" 404 200 \"-\" \"Googlebot/2.1\"",
            "10.0.0.1 - - [25/Feb/2008:01:59:59 -0600] \"HEAD /dir/ HTTP/1.0\" 200 3000 \"http://example.com/\" \"Mozilla/5.0\"");

        Rows("select ext(path), lower(ext(path)) as e, hour(time), day(time), len(method), upper(agent)", log).Should().BeEquivalentTo(new[]
        {
            new object?[] { "GZ", "gz", 0, 24, 3L, "MOZILLA/5.0" },
            new object?[] { "html", "html", 1, 24, 3L, "GOOGLEBOT/2.1" },
            new object?[] { "", "", 1, 25, 4L, "MOZILLA/5.0" },
        }, o => o.WithStrictOrdering());

        Rows("summarize count() as n, sum(bytes) as b by bin(time, 1d) as day | sort by day", log)
            .Select(r => $"{(DateTimeOffset)r[0]!:yyyy-MM-ddTHH:mm:sszzz} {r[1]} {r[2]}")
            .Should().Equal("2008-02-24T00:00:00-06:00 2 1200", "2008-02-25T00:00:00-06:00 1 3000");
        Rows("select bin(bytes, 1KB) as k", log).Select(r => r[0]).Should().Equal(0L, 0L, 2048L);
        Rows("where agent matches '(?i)bot' | select host", log).Select(r => r[0]).Should().Equal("10.0.0.2");
        Rows("where method in ('HEAD', 'PUT') or path startswith '/index' | select line", log).Select(r => r[0]).Should().Equal(2L, 3L);
        Rows("where time >= 2008-02-24T01:00:00-06:00 and time < 2008-02-25T00:00:00-06:00 | select line", log).Select(r => r[0]).Should().Equal(2L);
        Rows("where time - 1h > 2008-02-24T00:00:00-06:00 | select line", log).Select(r => r[0]).Should().Equal(2L, 3L);
        Rows("select bytes / 1KB as kb, bytes * 2 + 1 as twice, -bytes as minus | take 1", log).Single().Should().Equal(1000 / 1024.0, 2001L, -1000L);
        Rows("select host + ' ' + method as what | take 1", log).Single().Should().Equal("10.0.0.1 GET");
        Rows("summarize count() as n by referrer | sort by n desc | take 1", log).Single().Should().Equal("http://example.com/", 2L);
        Rows("summarize min(time) as first, max(path) as last, avg(status) as mean", log).Single()
            .Should().Equal(new DateTimeOffset(2008, 2, 24, 0, 8, 59, TimeSpan.FromHours(-6)), "/index.html", (200 + 404 + 200) / 3.0);
        Rows("distinct host | sort by host desc", log).Select(r => r[0]).Should().Equal("10.0.0.2", "10.0.0.1");
        Rows("distinct host, status | count", log).Single().Should().Equal(2L);
        Rows("select host as h, status as s | distinct | sort by h, s", log).Select(r => $"{r[0]} {r[1]}")
            .Should().Equal("10.0.0.1 200", "10.0.0.2 404");
        Rows("summarize count() as n by host | where n > 1 | select host", log).Select(r => r[0]).Should().Equal("10.0.0.1");
        Rows("where path > '/b' | select path", log).Select(r => r[0]).Should().Equal("/index.html", "/dir/");
    }

    [Fact]
    public void Path_and_text_functions_on_a_small_log()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines(
            "combined.log",
            "10.0.0.1 - - [24/Feb/2008:00:08:59 -0600] \"GET /search?q=a&lang=en HTTP/1.1\" 200 1000 \"http://example.com/?from=mail\" \"Mozilla/5.0\"",
            "10.0.0.2 - - [25/Feb/2008:13:45:00 +0100] \"GET /search?q=b HTTP/1.1\" 404 200 \"-\" \"Googlebot/2.1\"",
            "10.0.0.1 - - [31/Dec/2007:23:59:59 -0600] \"HEAD /a/b/c.tar.gz HTTP/1.0\" 200 3000 \"-\" \"curl/7.58.0\"");

        Rows("select pathname(path), querystring(path), pathname(referrer), querystring(referrer)", log).Should().BeEquivalentTo(new[]
        {
            new object?[] { "/search", "q=a&lang=en", "http://example.com/", "from=mail" },
            new object?[] { "/search", "q=b", "-", "" },
            new object?[] { "/a/b/c.tar.gz", "", "-", "" },
        }, o => o.WithStrictOrdering());
        Rows("""select extract(agent, "^([A-Za-z]+)/"), extract(agent, "[0-9.]+"), extract(path, "q=([^&]*)"), extract(referrer, "//([^/]+)")""", log).Should().BeEquivalentTo(new[]
        {
            new object?[] { "Mozilla", "5.0", "a", "example.com" },
            new object?[] { "Googlebot", "2.1", "b", null },
            new object?[] { "curl", "7.58.0", null, null },
        }, o => o.WithStrictOrdering());
        Rows("""select split(path, "/", 1), split(path, "/", -1), split(path, "/", 3), split(path, "/", -4), split(path, "/", 0)""", log).Should().BeEquivalentTo(new[]
        {
            new object?[] { "search?q=a&lang=en", "search?q=a&lang=en", null, null, "" },
            new object?[] { "search?q=b", "search?q=b", null, null, "" },
            new object?[] { "a", "c.tar.gz", "c.tar.gz", "", "" },
        }, o => o.WithStrictOrdering());
        Rows("""select replace(path, "/", "_"), replace(referrer, "http://", ""), substring(path, 1, 6), substring(method, 1), substring(path, -2, 4), substring(path, 100)""", log).Should().BeEquivalentTo(new[]
        {
            new object?[] { "_search?q=a&lang=en", "example.com/?from=mail", "search", "ET", "/s", "" },
            new object?[] { "_search?q=b", "-", "search", "ET", "/s", "" },
            new object?[] { "_a_b_c.tar.gz", "-", "a/b/c.", "EAD", "/a", "" },
        }, o => o.WithStrictOrdering());

        Rows("summarize count() as n by pathname(path) as page | sort by n desc", log).Select(r => $"{r[0]} {r[1]}").Should().Equal("/search 2", "/a/b/c.tar.gz 1");
        Rows("""where extract(path, "q=([^&]*)") == "b" | select line""", log).Select(r => r[0]).Should().Equal(2L);
        Rows("""where split(path, "/", 1) startswith "search" and querystring(path) != "" | select line""", log).Select(r => r[0]).Should().Equal(1L, 2L);
        Rows("""sort by split(path, "/", -1) desc | select line""", log).Select(r => r[0]).Should().Equal(2L, 1L, 3L);
        Rows("""top 1 by len(replace(path, "/", "")) | select line""", log).Select(r => r[0]).Should().Equal(1L);
    }

    [Fact]
    public void Minute_month_year_and_weekday_are_read_on_the_logs_own_clock()
    {
        // The third line is a Monday, 31 December 2007, in the log's -06:00; in UTC it is already
        // Tuesday, 1 January 2008. The second's 13:45 at +01:00 is 12:45 in UTC.
        using var temp = new TempDirectory();
        string log = temp.WriteLines(
            "combined.log",
            "10.0.0.1 - - [24/Feb/2008:00:08:59 -0600] \"GET /a HTTP/1.1\" 200 1000 \"-\" \"x\"",
            "10.0.0.2 - - [25/Feb/2008:13:45:00 +0100] \"GET /b HTTP/1.1\" 404 200 \"-\" \"x\"",
            "10.0.0.1 - - [31/Dec/2007:23:59:59 -0600] \"GET /c HTTP/1.0\" 200 3000 \"-\" \"x\"");

        Rows("select hour(time), minute(time), day(time), month(time), year(time), weekday(time)", log).Should().BeEquivalentTo(new[]
        {
            new object?[] { 0, 8, 24, 2, 2008, "Sunday" },
            new object?[] { 13, 45, 25, 2, 2008, "Monday" },
            new object?[] { 23, 59, 31, 12, 2007, "Monday" },
        }, o => o.WithStrictOrdering());
        Rows("summarize count() as n by weekday(time) as d | sort by d", log).Select(r => $"{r[0]} {r[1]}").Should().Equal("Monday 2", "Sunday 1");
        Rows("where year(time) == 2007 and month(time) == 12 and weekday(time) == 'Monday' | select line", log).Select(r => r[0]).Should().Equal(3L);
        Rows("sort by minute(time) desc | select line", log).Select(r => r[0]).Should().Equal(3L, 2L, 1L);
    }

    [Fact]
    public void Split_replace_substring_and_extract_at_their_edges()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("one.log", "10.0.0.1 - - [24/Feb/2008:00:08:59 -0600] \"GET /a HTTP/1.1\" 200 1000");

        // Pieces are cut from the start, so "aaa" at "aa" is "" and "a"; -1 is the last of those.
        Rows("""select split("aaa", "aa", -1), split("aaa", "aa", 0), split("a,b,,c", ",", 2), split("a,b,,c", ",", -1), split("a::b::c", "::", 1), split("abc", ",", -1), split("abc", ",", -2)""", log)
            .Single().Should().Equal("a", "", "", "c", "b", "abc", null);
        Rows("""select replace("aaa", "aa", "b"), replace("a.b.c", ".", ""), replace("GET", "g", "x")""", log).Single().Should().Equal("ba", "abc", "GET");

        // A range partly or wholly outside the text gives what of it the text has, even at the ends of a 64-bit integer.
        Rows("select substring('hello', 1, 9223372036854775807), substring('hello', -9223372036854775807, 9223372036854775807), substring('hello', 4, 0), substring('hello', 5), substring('hello', 3, -1)", log)
            .Single().Should().Equal("ello", "", "", "", "");

        // The first group by .NET's numbering: unnamed groups, then named ones; a group the pattern numbers itself, by its number.
        Rows("""select extract("2008-02-24", "(?<year>\d{4})-(\d\d)"), extract("2008-02-24", "(?<5>\d+)-\d+"), extract("ac", "a(b)?c"), extract("abc", "x"), extract("abc", "b.")""", log)
            .Single().Should().Equal("02", "2008", null, null, "bc");
    }

    [Fact]
    public void Missing_fields_are_null_and_text_tests_on_them_are_false()
    {
        // The sample log is in the Common format: no referrer, no agent.
        Scalar("where agent contains 'bot' | count").Should().Be(0L);
        Scalar("where agent matches 'bot' | count").Should().Be(0L);
        Scalar("where referrer == null | count").Should().Be(SampleLogFacts.Records);
        Rows("select lower(referrer), len(agent), ext(referrer) | take 1").Single().Should().Equal(null, 0L, "");
        Rows("select pathname(referrer), querystring(referrer), extract(referrer, '.'), split(referrer, '/', 0), replace(referrer, 'a', 'b'), substring(referrer, 0) | take 1")
            .Single().Should().HaveCount(6).And.OnlyContain(value => value == null);
    }

    [Fact]
    public void The_top_referrers_and_agents_of_a_combined_log()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines(
            "combined.log",
            "1.1.1.1 - - [24/Feb/2008:00:08:59 -0600] \"GET / HTTP/1.1\" 200 1 \"http://a/\" \"Bot\"",
            "1.1.1.1 - - [24/Feb/2008:00:08:59 -0600] \"GET / HTTP/1.1\" 200 1 \"-\" \"Bot\"",
            "1.1.1.1 - - [24/Feb/2008:00:08:59 -0600] \"GET / HTTP/1.1\" 200 1 \"http://b/\" \"Firefox\"",
            "1.1.1.1 - - [24/Feb/2008:00:08:59 -0600] \"GET / HTTP/1.1\" 200 1 \"http://a/\" \"Bot\"");
        string queries = Path.Combine(TestPaths.RepoRoot, "queries");

        Rows(File.ReadAllText(Path.Combine(queries, "top-referrers.lq")), log).Select(r => $"{r[0]} {r[1]}").Should().Equal("http://a/ 2", "http://b/ 1");
        Rows(File.ReadAllText(Path.Combine(queries, "top-agents.lq")), log).Select(r => $"{r[0]} {r[1]}").Should().Equal("Bot 3", "Firefox 1");
    }

    [Fact]
    public void From_as_reads_the_named_format()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("log.jsonl", "{\"host\":\"h\",\"time\":\"2008-02-24T00:08:59-06:00\",\"method\":\"GET\",\"path\":\"/x\",\"protocol\":\"HTTP/1.1\",\"status\":200,\"bytes\":5}");
        QueryCompiler.Compile($"from \"{log}\" as json | select path, bytes").Execute().Rows.Single().Should().Equal("/x", 5L);
    }

    [Fact]
    public void Strict_mode_stops_at_a_malformed_line()
    {
        using var temp = new TempDirectory();
        string log = temp.WriteLines("bad.log", "not a log line");
        FluentActions.Invoking(() => Run("count", log, new LogSourceOptions { Strict = true }).Rows.ToList())
            .Should().Throw<LogLinq.Records.MalformedLogException>();
        Run("count", log).Scalar.Should().Be(0L);
    }

    [Fact]
    public void Streaming_results_are_lazy_and_take_stops_early()
    {
        var counters = new LogLinq.Sources.ReadCounters();
        List<object?[]> rows = [.. Run("take 3 | select line", source: new LogSourceOptions { Counters = counters }).Rows];
        rows.Select(r => r[0]).Should().Equal(1L, 2L, 3L);
        counters.BytesRead.Should().BeLessThan(new FileInfo(Log).Length);
    }
}

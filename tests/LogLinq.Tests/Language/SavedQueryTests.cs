using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Language;

/// <summary>
/// Every saved query in queries/, run as shipped by the built <c>loglinq run</c> from the repository
/// root, its CSV checked against what the shell says about data/access-log (the commands are beside
/// each number, run with LC_ALL=C; more in <see cref="SampleLogFacts"/>).
/// </summary>
public sealed class SavedQueryTests
{
    private static async Task<string[][]> Csv(string file, params string[] more)
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["run", $"queries/{file}", "--format", "csv", .. more]);
        run.ExitCode.Should().Be(0, run.ToString());
        run.Stderr.Should().BeEmpty();
        run.Stdout.Should().EndWith("\r\n");
        return [.. run.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(','))];
    }

    [Fact]
    public async Task Total_bytes()
    {
        string[][] csv = await Csv("total-bytes.lq");
        csv.Should().BeEquivalentTo(new[] { new[] { "bytes" }, new[] { $"{SampleLogFacts.TotalBytes}" } });
    }

    [Fact]
    public async Task Broken_links()
    {
        string[][] csv = await Csv("broken-links.lq");
        csv[0].Should().Equal("path");
        csv.Skip(1).Select(r => r.Single()).Should().Equal(SampleLogFacts.BrokenDocuments);
    }

    [Fact]
    public async Task Over_megabyte()
    {
        // awk '$NF!="-" && $NF+0>1048576' data/access-log | wc -l  (27, as for 1,000,000: none between)
        (await Csv("over-megabyte.lq")).Should().BeEquivalentTo(new[] { new[] { "count" }, new[] { "27" } });
    }

    [Fact]
    public async Task Largest_document()
    {
        (await Csv("largest-document.lq")).Should().BeEquivalentTo(
            new[] { new[] { "path", "bytes" }, new[] { SampleLogFacts.LargestPath, $"{SampleLogFacts.LargestBytes}" } },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Unique_hosts()
    {
        (await Csv("unique-hosts.lq")).Should().BeEquivalentTo(new[] { new[] { "hosts" }, new[] { $"{SampleLogFacts.UniqueHosts}" } });
    }

    [Fact]
    public async Task Downloads_of_a_file()
    {
        // awk '$7=="/ply/ply-2.3.tar.gz"' data/access-log | wc -l
        (await Csv("downloads.lq", "--set", "file=/ply/ply-2.3.tar.gz")).Should().BeEquivalentTo(new[] { new[] { "count" }, new[] { "115" } });
    }

    [Fact]
    public async Task Buses_route_22()
    {
        // The same question asked of System.Xml.Linq: XDocument.Load("data/buses.xml").Descendants("bus")...
        string[][] csv = await Csv("buses-route-22.lq");
        csv.Select(r => string.Join(' ', r)).Should().Equal(Xml.BusesOracle.Buses
            .Where(b => b.Element("route")!.Value == "22" && b.Element("direction")!.Value == "North Bound")
            .Select(b => $"{b.Element("id")!.Value} {b.Element("latitude")!.Value} {b.Element("longitude")!.Value}")
            .Prepend("id latitude longitude"));
    }

    [Fact]
    public async Task Robots()
    {
        string[][] csv = await Csv("robots.lq");
        csv[0].Should().Equal("host");
        csv.Skip(1).Select(r => r.Single()).Should().Equal(SampleLogFacts.RobotsHosts);
    }

    [Fact]
    public async Task Top_hosts_by_bytes()
    {
        // awk '{b[$1]+=($NF=="-"?0:$NF); n[$1]++} END {for (h in b) print b[h], n[h], h}' data/access-log | sort -k1,1nr | head -10
        // (the 11th sent 4936342 bytes: no tie at the cut)
        string[][] csv = await Csv("top-hosts-by-bytes.lq");
        csv.Select(r => string.Join(' ', r)).Should().Equal(
            "host bytes requests",
            "67.186.98.20 11001415 41",
            "98.193.69.179 10049252 23",
            "24.15.187.198 9958647 29",
            "38.98.120.84 7340440 559",
            "128.135.24.9 5685359 17",
            "128.135.125.239 5623128 24",
            "69.209.71.13 5233160 10",
            "75.22.21.146 4986048 20",
            "99.140.232.220 4975248 19",
            "98.206.164.173 4941409 9");
    }

    [Fact]
    public async Task Status_per_hour()
    {
        string[][] csv = await Csv("status-per-hour.lq");
        csv[0].Should().Equal("hour", "status", "requests");
        string[][] rows = csv[1..];

        // awk '{split($4,t,":"); print substr(t[1],2) ":" t[2], $9}' data/access-log | sort -u | wc -l
        rows.Should().HaveCount(465);
        rows.Sum(r => long.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)).Should().Be(SampleLogFacts.Records);

        // grep '\[24/Feb/2008:00:' data/access-log | awk '{print $9}' | sort | uniq -c
        rows[0].Should().Equal("2008-02-24T00:00:00-06:00", "200", "11");
        rows[1].Should().Equal("2008-02-24T00:00:00-06:00", "404", "7");

        // ... | sort | uniq -c | sort -k1,1nr | head -1: 324 requests, 28/Feb/2008:06, status 200
        rows.MaxBy(r => long.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)).Should().Equal("2008-02-28T06:00:00-06:00", "200", "324");

        // grep '\[29/Feb/2008:07:' data/access-log | awk '{print $9}' | sort | uniq -c
        rows[^4..].Select(r => string.Join(' ', r)).Should().Equal(
            "2008-02-29T07:00:00-06:00 200 21",
            "2008-02-29T07:00:00-06:00 302 8",
            "2008-02-29T07:00:00-06:00 304 7",
            "2008-02-29T07:00:00-06:00 404 11");
    }

    [Theory]
    [InlineData("top-referrers.lq", "referrer", "requests")]
    [InlineData("top-agents.lq", "agent", "requests")]
    public async Task Referrers_and_agents_are_empty_on_a_common_format_log(string file, string key, string count)
    {
        // awk '{print NF}' data/access-log | sort -u  gives 10: no referrer or agent fields.
        // The same queries on a Combined log: QueryExecutionTests.The_top_referrers_and_agents_of_a_combined_log.
        (await Csv(file)).Should().BeEquivalentTo(new[] { new[] { key, count } });
    }

    [Fact]
    public void Every_saved_query_is_tested_here_and_says_what_it_answers()
    {
        string[] files = [.. Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "queries"), "*.lq").Select(Path.GetFileName).Order()!];
        files.Should().BeEquivalentTo(
            "broken-links.lq", "buses-route-22.lq", "downloads.lq", "largest-document.lq", "over-megabyte.lq", "robots.lq", "status-per-hour.lq",
            "top-agents.lq", "top-hosts-by-bytes.lq", "top-referrers.lq", "total-bytes.lq", "unique-hosts.lq");
        foreach (string file in files)
        {
            File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "queries", file))[0].Should().StartWith("# ", file).And.EndWith("?", file);
        }
    }

    [Theory]
    [InlineData("broken-links.lq", "pushdown:   status == 404", "prefilter:  NCSA lines without \"404 \"")]
    [InlineData("robots.lq", "pushdown:   path == \"/robots.txt\"", "prefilter:  NCSA lines without \"/robots.txt\"")]
    [InlineData("over-megabyte.lq", "pushdown:   bytes > 1048576", "aggregate:  longcount()")]
    [InlineData("downloads.lq", "pushdown:   path == \"/ply/ply-2.3.tar.gz\"", "prefilter:  NCSA lines without \"/ply/ply-2.3.tar.gz\"")]
    [InlineData("top-referrers.lq", "pushdown:   (referrer != null && referrer != \"-\")", "aggregate:  group by r => r.Referrer computing count()")]
    [InlineData("top-agents.lq", "pushdown:   (agent != null && agent != \"-\")", "aggregate:  group by r => r.UserAgent computing count()")]
    [InlineData("total-bytes.lq", "fields:     bytes ", "aggregate:  group by r => True computing sum(r => r.Bytes)")]
    [InlineData("unique-hosts.lq", "fields:     host ", "dcount(r => r.Host)")]
    [InlineData("largest-document.lq", "fields:     bytes ", "aggregate:  top 1 by r => r.Bytes desc")]
    [InlineData("top-hosts-by-bytes.lq", "fields:     host, bytes", "aggregate:  group by r => r.Host computing sum(r => r.Bytes), count()")]
    [InlineData("status-per-hour.lq", "fields:     time, status", "aggregate:  group by r => new ValueTuple`2(Bin(r.Time, 1h), r.Status) computing count()")]
    public async Task Explain_shows_the_plan_of_each_saved_query(string file, string first, string second)
    {
        string[] args = file == "downloads.lq"
            ? ["run", $"queries/{file}", "--explain", "--set", "file=/ply/ply-2.3.tar.gz"]
            : ["run", $"queries/{file}", "--explain"];
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(args);
        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().StartWith("linq:       logs.").And.Contain(first).And.Contain(second);
        run.Stderr.Should().BeEmpty();
    }
}

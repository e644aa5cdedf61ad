using LogLinq.Tests.Cli;

namespace LogLinq.Tests.Language;

/// <summary>
/// The path, text and time functions through <c>loglinq query</c> on the sample log, each answer
/// checked against awk (and date) over the same file, the command beside the number; and their
/// mistakes, pointed at with exit code 2.
/// </summary>
public sealed class FunctionCommandTests
{
    private const string Sample = "from \"data/access-log\"";

    private static Task<LoglinqProcess.Result> Loglinq(params string[] args) => LoglinqProcess.RunAsync(args);

    private static async Task<string> Csv(string stages)
    {
        LoglinqProcess.Result run = await Loglinq("query", $"{Sample} | {stages}", "--format", "csv");
        run.ExitCode.Should().Be(0, run.ToString());
        return run.Stdout;
    }

    [Fact]
    public async Task Pathname_counts_a_page_once_whatever_its_query_string()
    {
        // awk '{split($7,a,"?"); if (a[1]=="/ply/") n++} END{print n}' data/access-log → 624
        (await Csv("where pathname(path) == \"/ply/\" | count")).Should().Be("count\r\n624\r\n");

        // awk '$7=="/ply/"' data/access-log | wc -l → 623: one request for /ply/ had a query string.
        (await Csv("where path == \"/ply/\" | count")).Should().Be("count\r\n623\r\n");

        // awk 'index($7,"?") && substr($7, index($7,"?")+1) != ""' data/access-log | wc -l → 941; without
        // the second test 943: /cgi-bin/wiki.pl? and /robots.txt? end at their "?".
        (await Csv("where querystring(path) != \"\" | count")).Should().Be("count\r\n941\r\n");
    }

    [Fact]
    public async Task Split_groups_by_the_first_directory()
    {
        // awk '{split($7,a,"/"); print a[2]}' data/access-log | sort | uniq -c | sort -rn | head -3
        (await Csv("summarize count() by split(path, \"/\", 1) as section | top 3 by count desc"))
            .Should().Be("section,count\r\nply,1889\r\nfavicon.ico,1877\r\ncgi-bin,1329\r\n");
    }

    [Fact]
    public async Task Extract_replace_and_substring_on_the_sample_log()
    {
        // awk '$7 ~ /^\/ply\/ply-.*\.tar\.gz$/ {v=$7; sub(/^\/ply\/ply-/, "", v); sub(/\.tar\.gz$/, "", v); print v}' data/access-log
        //   | sort | uniq -c | sort -rn | head -3
        (await Csv("where path startswith \"/ply/ply-\" | summarize count() by extract(path, \"^/ply/ply-(.*)\\.tar\\.gz$\") as version | where version != null | top 3 by count desc"))
            .Should().Be("version,count\r\n2.3,115\r\n2.1,17\r\n2.2,15\r\n");

        // awk '{n += gsub("/", "", $7)} END {print n}' data/access-log
        (await Csv("summarize sum(len(path) - len(replace(path, \"/\", \"\"))) as slashes")).Should().Be("slashes\r\n12915\r\n");

        // awk '{print substr($7,1,5)}' data/access-log | sort | uniq -c | sort -rn | head -3
        (await Csv("summarize count() by substring(path, 0, 5) as prefix | top 3 by count desc"))
            .Should().Be("prefix,count\r\n/favi,1883\r\n/ply/,1840\r\n/cgi-,1329\r\n");
    }

    [Fact]
    public async Task Weekday_minute_month_and_year_on_the_sample_log()
    {
        // awk '{print substr($4,2,11)}' data/access-log | sort | uniq -c |
        //   while read n d; do echo "$(date -d "$(echo $d | tr / ' ')" +%A) $n"; done
        (await Csv("summarize count() by weekday(time) as day | sort by count desc"))
            .Should().Be("day,count\r\nThursday,1952\r\nTuesday,1440\r\nWednesday,1390\r\nMonday,1264\r\nSunday,936\r\nFriday,316\r\n");

        // awk 'substr($4,17,2)=="00"' data/access-log | wc -l
        (await Csv("where minute(time) == 0 | count")).Should().Be("count\r\n79\r\n");

        // awk '{print substr($4,5,8)}' data/access-log | sort | uniq -c → 7298 Feb/2008
        (await Csv("summarize count() by year(time), month(time)")).Should().Be("year_time,month_time,count\r\n2008,2,7298\r\n");
    }

    [Fact]
    public async Task Explain_shows_the_functions_run_on_the_record()
    {
        // Nothing is pushed down to the raw bytes for them: they run over the path as a string.
        LoglinqProcess.Result run = await Loglinq("query", $"{Sample} | where pathname(path) == \"/ply/\" | summarize count() by split(path, \"/\", -1)", "--explain");
        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("pushdown:   [on record] (Pathname(r.Path) == \"/ply/\")")
            .And.Contain("aggregate:  group by r => Split(r.Path, \"/\", -1) computing count()");
    }

    [Fact]
    public async Task An_invalid_pattern_for_extract_exits_2_with_a_caret_under_the_pattern()
    {
        LoglinqProcess.Result run = await Loglinq("query", $"{Sample} | where extract(path, \"([a-z]+\") != null | count");
        run.ExitCode.Should().Be(2, run.ToString());
        run.Stdout.Should().BeEmpty();
        run.StderrLines[0].Should().StartWith("loglinq: 1:46: not a valid regular expression: ");
        run.StderrLines[1].Should().Be($"  {Sample} | where extract(path, \"([a-z]+\") != null | count");
        run.StderrLines[2].Should().Be(new string(' ', 2 + 45) + "^");
    }

    [Theory]
    [InlineData("select split(path, \"/\")", 33, "split takes 3 arguments, not 2")]
    [InlineData("select substring(path, 1, 2, 3)", 33, "substring takes 2 or 3 arguments, not 4")]
    [InlineData("select split(status, \"/\", 0)", 39, "split needs text, but status is an integer")]
    [InlineData("select weekday(path)", 41, "weekday needs a time, but path is text")]
    [InlineData("select substring(path, \"1\")", 49, "substring needs an integer as its start, but \"1\" is text")]
    public async Task Wrong_arguments_exit_2_with_a_caret_under_the_mistake(string stage, int column, string message)
    {
        LoglinqProcess.Result run = await Loglinq("query", $"{Sample} | {stage}");
        run.ExitCode.Should().Be(2, run.ToString());
        run.StderrLines[0].Should().Be($"loglinq: 1:{column}: {message}");
        run.StderrLines[2].Should().Be(new string(' ', 2 + column - 1) + "^");
        run.Stderr.Should().NotContain("Exception");
    }
}

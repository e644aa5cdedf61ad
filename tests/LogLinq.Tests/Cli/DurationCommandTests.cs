namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over an Application Load Balancer's log: the <c>duration</c> field in queries,
/// in a saved query, in every output format and through a record pipe. The answers are worked out by
/// hand from the four lines below.
/// </summary>
public sealed class DurationCommandTests : IDisposable
{
    // Durations (the three processing times added): / 0.001 s (www.example.com:80); /missing 0.002 s,
    // /api/items?id=3 0.086 + 0.048 + 0.037 = 0.171 s, /api/orders none (-1: the target never answered),
    // all three on shop.example:443.
    private const string Log =
        """http 2018-07-02T22:23:00.186641Z app/my-lb/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.46.0" - - arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe354" "-" "-" 0 2018-07-02T22:22:48.364000Z "forward" "-" "-" "10.0.0.1:80" "200" "-" "-" TID_1"""
        + "\n"
        + """h2 2018-07-02T22:23:01.000000Z app/my-lb/50dc6c495c0c9188 10.0.1.252:48160 10.0.0.66:9000 0.000 0.002 0.000 404 404 5 257 "GET https://shop.example:443/missing HTTP/2.0" "curl/7.46.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:x "Root=1-2" "shop.example" "-" 1 2018-07-02T22:22:48.364000Z "forward" "-" "-" "10.0.0.66:9000" "404" "-" "-" TID_1"""
        + "\n"
        + """https 2018-07-02T22:23:02.000000Z app/my-lb/50dc6c495c0c9188 192.168.131.39:2818 10.0.0.1:80 0.086 0.048 0.037 200 200 0 57 "GET https://shop.example:443/api/items?id=3 HTTP/1.1" "Mozilla/5.0 (X11; Linux x86_64)" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:x "Root=1-3" "shop.example" "-" 1 2018-07-02T22:22:48.364000Z "forward" "-" "-" "10.0.0.1:80" "200" "-" "-" TID_1"""
        + "\n"
        + """https 2018-07-02T22:23:03.000000Z app/my-lb/50dc6c495c0c9188 192.168.131.40:2819 10.0.0.1:80 0.001 -1 -1 502 - 0 0 "POST https://shop.example:443/api/orders HTTP/1.1" "okhttp/4.12.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:x "Root=1-4" "shop.example" "-" 1 2018-07-02T22:22:48.364000Z "forward" "-" "-" "10.0.0.1:80" "-" "-" "-" TID_1"""
        + "\n";

    private readonly TempDirectory _dir = new();
    private readonly string _log;

    public DurationCommandTests() => _log = _dir.Write("elb.log", Log);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Top_by_duration_names_the_slowest_requests()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{_log}\" | top 2 by duration desc | select path, duration", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("path,duration\r\n/api/items?id=3,0.171\r\n/missing,0.002\r\n", "CSV gives seconds, a number a spreadsheet sums");
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Durations_summarized_print_as_seconds_in_json_and_tsv_and_short_in_a_table()
    {
        // shop.example:443: (2 + 171) / 2 = 86.5 ms, the request without a duration left out.
        string query = $"from \"{_log}\" | summarize count() as n, avg(duration), max(duration) by vhost | sort by vhost";

        LoglinqProcess.Result json = await LoglinqProcess.RunAsync(["query", query, "--format", "json"]);
        LoglinqProcess.Result tsv = await LoglinqProcess.RunAsync(["query", query, "--format", "tsv"]);
        LoglinqProcess.Result table = await LoglinqProcess.RunAsync(["query", query, "--format", "table"]);

        json.Stdout.Should().Be(
            "{\"vhost\":\"shop.example:443\",\"n\":3,\"avg_duration\":0.0865,\"max_duration\":0.171}\n"
            + "{\"vhost\":\"www.example.com:80\",\"n\":1,\"avg_duration\":0.001,\"max_duration\":0.001}\n",
            json.ToString());
        tsv.Stdout.Should().Be(
            "vhost\tn\tavg_duration\tmax_duration\n"
            + "shop.example:443\t3\t0.0865\t0.171\n"
            + "www.example.com:80\t1\t0.001\t0.001\n",
            tsv.ToString());
        table.Stdout.Should().Be(
            // Durations are right-aligned, as numbers are, so their units line up.
            "vhost               n  avg_duration  max_duration\n"
            + "shop.example:443    3        86.5ms         171ms\n"
            + "www.example.com:80  1           1ms           1ms\n",
            table.ToString());
    }

    [Fact]
    public async Task A_saved_query_takes_the_threshold_as_a_parameter()
    {
        string saved = _dir.Write("slow.lq", "# Requests slower than $slow.\nfrom $logs\n| where duration > $slow\n| select path, duration\n");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["run", saved, "--set", $"logs={_log}", "--set", "slow=50ms", "--format", "tsv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("path\tduration\n/api/items?id=3\t0.171\n");
    }

    [Fact]
    public async Task Requests_without_a_duration_are_found_with_null()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{_log}\" | where duration == null | select path, status, duration", "--format", "csv"]);

        run.Stdout.Should().Be("path,status,duration\r\n/api/orders,502,\r\n", run.ToString());
    }

    [Fact]
    public async Task Records_keep_their_duration_through_a_record_pipe()
    {
        LoglinqProcess.Result piped = await ShellPipeline.RunAsync(
            $"loglinq query 'from \"{_log}\"' --emit records | loglinq query 'from - | summarize sum(duration), max(duration), count()' --format tsv; "
            + "echo \"exit ${PIPESTATUS[*]}\"");

        piped.Stdout.Should().Be(
            "sum_duration\tmax_duration\tcount\n0.174\t0.171\t4\nexit 0 0\n",
            piped.ToString());
        piped.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Whole_records_in_json_carry_their_duration_in_seconds()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{_log}\" | where path == \"/missing\"", "--format", "json"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("\"duration\":0.002,");
    }

    [Fact]
    public async Task A_plain_table_of_many_durations_shows_each_short()
    {
        // 0.001, 0.002, 0.171 s and none, by the time each request came.
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{_log}\" | select path, duration", "--format", "table"]);

        run.Stdout.Should().Be(
            "path             duration\n"
            + "/                     1ms\n"
            + "/missing              2ms\n"
            + "/api/items?id=3     171ms\n"
            + "/api/orders\n",
            run.ToString());
    }

    [Fact]
    public async Task Explain_writes_a_duration_literal_in_the_languages_words()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{_log}\" | where duration > 1500ms or duration < 0.25s | count", "--explain"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("r.Duration > 1.5s").And.Contain("r.Duration < 250ms").And.NotContain("00:00:");
    }

    [Fact]
    public async Task A_mistake_names_a_duration_literal_as_the_language_writes_it()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", $"from \"{_log}\" | where bytes == 150ms"]);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain("cannot compare bytes (an integer) with 150ms (a duration)");
    }

    [Fact]
    public async Task A_duration_compared_with_a_number_is_a_mistake_told_before_reading()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", $"from \"{_log}\" | where duration > 100"]);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain("cannot compare duration (a duration) with 100 (an integer)");
    }
}

namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over an Apache <c>other_vhosts_access.log</c> (vhost_combined, with one plain
/// Combined line and one malformed line among them): the <c>vhost</c> field in queries, in every
/// output format, and through a record pipe. Counts are worked out by hand from the lines below.
/// </summary>
public sealed class VirtualHostCommandTests : IDisposable
{
    // example.com:80 on lines 1, 3, 5; www.example.org:443 on lines 2 and 6; no vhost on line 4;
    // line 7 is malformed (no [time]).
    private const string Log =
        "example.com:80 203.0.113.9 - - [25/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"\n"
        + "www.example.org:443 2001:db8::1 - - [25/Nov/2026:10:00:01 +0000] \"GET /a HTTP/2.0\" 404 0 \"https://x/\" \"Mozilla/5.0\"\n"
        + "example.com:80 198.51.100.4 - bob [25/Nov/2026:10:00:02 +0000] \"POST /login HTTP/1.1\" 302 - \"-\" \"curl/8.0\"\n"
        + "198.51.100.7 - - [25/Nov/2026:10:00:03 +0000] \"GET /plain HTTP/1.1\" 200 100 \"-\" \"Wget/1.21\"\n"
        + "example.com:80 203.0.113.9 - - [25/Nov/2026:10:00:04 +0000] \"GET /b HTTP/1.1\" 304 0 \"-\" \"curl/8.0\"\n"
        + "www.example.org:443 203.0.113.9 - - [25/Nov/2026:10:00:05 +0000] \"GET /c HTTP/1.1\" 200 7 \"-\" \"curl/8.0\"\n"
        + "www.example.org:443 192.0.2.1 - - 25/Nov/2026 \"GET\" 200 1\n";

    private readonly TempDirectory _dir = new();
    private readonly string _log;

    public VirtualHostCommandTests()
    {
        _log = _dir.Write("other_vhosts_access.log", Log);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Counts_by_vhost_and_names_the_malformed_line()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{_log}\" | summarize count() as n by vhost | sort by n desc", "--format", "tsv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("vhost\tn\nexample.com:80\t3\nwww.example.org:443\t2\n\t1\n");
        run.Stderr.Should().Contain($"{_log}:7: expected '[' to open the time");
    }

    [Theory]
    [InlineData("common")]
    [InlineData("combined")]
    public async Task The_ncsa_formats_named_in_the_query_read_it_too(string format)
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{_log}\" as {format} | where vhost == \"example.com:80\" | select line, host, path", "--format", "tsv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("line\thost\tpath\n1\t203.0.113.9\t/\n3\t198.51.100.4\t/login\n5\t203.0.113.9\t/b\n");
    }

    [Fact]
    public async Task Select_vhost_prints_it_in_csv_json_and_a_table()
    {
        string query = $"from \"{_log}\" | where line >= 2 and line <= 4 | select line, vhost, host";

        LoglinqProcess.Result csv = await LoglinqProcess.RunAsync(["query", query, "--format", "csv"]);
        LoglinqProcess.Result json = await LoglinqProcess.RunAsync(["query", query, "--format", "json"]);
        LoglinqProcess.Result table = await LoglinqProcess.RunAsync(["query", query, "--format", "table"]);

        csv.Stdout.Should().Be("line,vhost,host\r\n2,www.example.org:443,2001:db8::1\r\n3,example.com:80,198.51.100.4\r\n4,,198.51.100.7\r\n", csv.ToString());
        json.Stdout.Should().Be(
            "{\"line\":2,\"vhost\":\"www.example.org:443\",\"host\":\"2001:db8::1\"}\n"
            + "{\"line\":3,\"vhost\":\"example.com:80\",\"host\":\"198.51.100.4\"}\n"
            + "{\"line\":4,\"vhost\":null,\"host\":\"198.51.100.7\"}\n",
            json.ToString());
        table.Stdout.Should().Be(
            "line  vhost                host\n"
            + "   2  www.example.org:443  2001:db8::1\n"
            + "   3  example.com:80       198.51.100.4\n"
            + "   4                       198.51.100.7\n",
            table.ToString());
    }

    [Fact]
    public async Task A_whole_record_shows_its_vhost_column()
    {
        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", $"from \"{_log}\" | take 1", "--format", "csv"]);

        run.Stdout.Should().Be(
            "host,ident,user,time,method,path,protocol,status,bytes,referrer,agent,vhost,duration,file,line\r\n"
            + $"203.0.113.9,-,-,2026-11-25T10:00:00+00:00,GET,/,HTTP/1.1,200,512,-,curl/8.0,example.com:80,,{_log},1\r\n",
            run.ToString());
    }

    [Fact]
    public async Task Records_keep_their_vhost_through_a_record_pipe()
    {
        LoglinqProcess.Result piped = await ShellPipeline.RunAsync(
            $"loglinq query 'from \"{_log}\"' --emit records 2>/dev/null | loglinq query 'from - | summarize count() as n by vhost | sort by n desc' --format tsv; "
            + $"loglinq query 'from \"{_log}\" | where line >= 3' --emit records 2>/dev/null | loglinq query 'from - | where vhost != \"example.com:80\" | select line, vhost' --format tsv; "
            + "echo \"exit ${PIPESTATUS[*]}\"");

        piped.Stdout.Should().Be(
            "vhost\tn\nexample.com:80\t3\nwww.example.org:443\t2\n\t1\n"
            + "line\tvhost\n4\t\n6\twww.example.org:443\n"
            + "exit 0 0\n",
            piped.ToString());
        piped.Stderr.Should().BeEmpty();
    }
}

using System.Text;

namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over logs in a server's own format, named in the query by the line of its
/// configuration (<c>as apache("...")</c>, <c>as nginx('...')</c>, nginx's in the quoted pieces
/// nginx.conf writes it in): answers worked out by hand from the lines, a mistake in the format
/// pointed at inside its string, a malformed line named by file and line, and a file big enough to be read in parallel ranges giving the answers arithmetic gives.
/// </summary>
public sealed class DirectiveFormatCommandTests : IDisposable
{
    private const string ApacheFormat = "%v:%p %h %l %u %t \\\"%r\\\" %>s %b \\\"%{Referer}i\\\" \\\"%{User-Agent}i\\\" %D";

    private const string NginxFormat =
        "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent \"$http_referer\" \"$http_user_agent\" $request_time";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Counts_by_vhost_and_names_the_malformed_line()
    {
        // shop.example.com:443 on lines 1, 2 and 5; api.example.com:443 on line 3; line 4 is Combined, not
        // this format: its host read as %v:%p, its "-"s as %h and %l, its time's first half as %u.
        string log = _dir.WriteLines(
            "other_vhosts_access.log",
            "shop.example.com:443 203.0.113.9 - - [27/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 512 \"-\" \"curl/8.0\" 1200",
            "shop.example.com:443 203.0.113.9 - - [27/Nov/2026:10:00:01 +0000] \"GET /cart HTTP/1.1\" 200 100 \"https://shop.example.com/\" \"Mozilla/5.0 (X11)\" 2500000",
            "api.example.com:443 198.51.100.4 - svc [27/Nov/2026:10:00:02 +0000] \"POST /v1/orders HTTP/2.0\" 201 42 \"-\" \"okhttp/4.12\" 1000001",
            "198.51.100.7 - - [27/Nov/2026:10:00:03 +0000] \"GET /plain HTTP/1.1\" 200 100 \"-\" \"Wget/1.21\"",
            "shop.example.com:443 192.0.2.1 - - [27/Nov/2026:10:00:04 +0000] \"GET /a HTTP/1.1\" 404 7 \"-\" \"curl/8.0\" 999999");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" as apache(\"{ApacheFormat}\") | summarize count() as n, sum(bytes) as sent by vhost | sort by n desc", "--format", "tsv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("vhost\tn\tsent\nshop.example.com:443\t3\t619\napi.example.com:443\t1\t42\n");
        run.Stderr.Should().Contain($"{log}:4: %t: expected [ to open the time, found '+0000] ");
    }

    [Fact]
    public async Task Finds_the_requests_that_took_over_a_second()
    {
        // 1.204 s and 2.5 s are over; 1.000 s is not.
        string log = _dir.WriteLines(
            "access.log",
            "10.0.0.1 - - [27/Nov/2026:10:00:00 +0000] \"GET /fast HTTP/1.1\" 200 10 \"-\" \"curl/8.0\" 0.004",
            "10.0.0.2 - - [27/Nov/2026:10:00:01 +0000] \"GET /slow HTTP/1.1\" 200 10 \"-\" \"curl/8.0\" 1.204",
            "10.0.0.3 - - [27/Nov/2026:10:00:02 +0000] \"GET /edge HTTP/1.1\" 200 10 \"-\" \"curl/8.0\" 1.000",
            "10.0.0.4 - - [27/Nov/2026:10:00:03 +0000] \"GET /slower HTTP/1.1\" 504 0 \"-\" \"curl/8.0\" 2.500",
            "10.0.0.5 - - [27/Nov/2026:10:00:04 +0000] \"GET /none HTTP/1.1\" 499 0 \"-\" \"curl/8.0\" -");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" as nginx('{NginxFormat}') | where duration > 1s | select path, status, duration", "--format", "tsv"]);
        LoglinqProcess.Result explain = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" as nginx('{NginxFormat}') | where duration > 1s | count", "--explain"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("path\tstatus\tduration\n/slow\t200\t1.204\n/slower\t504\t2.5\n");
        run.Stderr.Should().BeEmpty();
        explain.Stdout.Should().Contain("format nginx(\"$remote_addr - $remote_user [$time_local] \\\"$request\\\"").And.Contain("pushdown:   duration > 1s");
    }

    [Fact]
    public async Task A_directive_apache_does_not_have_is_pointed_at_in_the_query()
    {
        string log = _dir.WriteLines("access.log", "10.0.0.1 - - [27/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 10");
        string query = $"from \"{log}\" as apache(\"%h %l %u %t \\\"%r\\\" %>s %Q\") | count";

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", query]);

        // The caret under the % of %Q, which is where it was written in the query.
        int column = query.IndexOf("%Q", StringComparison.Ordinal) + 1;
        run.ExitCode.Should().Be(2, run.ToString());
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().Equal(
            $"loglinq: 1:{column}: apache(...): unknown directive %Q: Apache's are %a %A %b %B %C %D %e %f %h %H %i %k %l %L %m %n %o %p %P %q %r %R %s %t %T %u %U %v %V %X %I %O %S",
            $"  {query}",
            $"  {new string(' ', column - 1)}^");
    }

    [Fact]
    public async Task A_variable_without_a_name_is_pointed_at_in_the_query()
    {
        string log = _dir.WriteLines("access.log", "10.0.0.1 [27/Nov/2026:10:00:00 +0000]");
        string query = $"from \"{log}\" as nginx('$remote_addr $ [$time_local]')";

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", query]);

        int column = query.IndexOf("$ [", StringComparison.Ordinal) + 1;
        run.ExitCode.Should().Be(2, run.ToString());
        run.StderrLines.Should().Equal(
            $"loglinq: 1:{column}: nginx(...): a $ without a variable's name after it",
            $"  {query}",
            $"  {new string(' ', column - 1)}^");
    }

    [Fact]
    public async Task Reads_a_log_by_nginx_conf_s_main_format_pasted_in_its_pieces()
    {
        // nginx.conf's default main format, its three pieces as the file writes them, over three lines.
        string log = _dir.WriteLines(
            "access.log",
            "203.0.113.7 - - [26/Nov/2026:12:00:01 +0000] \"GET /index.html HTTP/1.1\" 200 612 \"-\" \"curl/8.0\" \"-\"",
            "198.51.100.20 - bob [26/Nov/2026:12:00:02 +0000] \"POST /login HTTP/2.0\" 302 0 \"https://example.com/\" \"Mozilla/5.0 (X11)\" \"10.1.1.1\"");
        string query = $"from \"{log}\" as nginx('$remote_addr - $remote_user [$time_local] \"$request\" '\n"
            + "                '$status $body_bytes_sent \"$http_referer\" '\n"
            + "                '\"$http_user_agent\" \"$http_x_forwarded_for\"')\n"
            + "| select host, status, bytes, path, agent";

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", query, "--format", "tsv"], _dir.Path);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("host\tstatus\tbytes\tpath\tagent\n203.0.113.7\t200\t612\t/index.html\tcurl/8.0\n198.51.100.20\t302\t0\t/login\tMozilla/5.0 (X11)\n");
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task A_quote_not_closed_in_a_pasted_log_format_is_pointed_at_in_the_query()
    {
        string log = _dir.WriteLines("access.log", "10.0.0.1 [27/Nov/2026:10:00:00 +0000]");
        string query = $"from \"{log}\" as nginx(\"log_format main '$remote_addr ' '[$time_local]\")";

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(["query", query]);

        // The caret under the quote that opens the second piece, where it was written in the query.
        int column = query.IndexOf("'[", StringComparison.Ordinal) + 1;
        run.ExitCode.Should().Be(2, run.ToString());
        run.Stdout.Should().BeEmpty();
        run.StderrLines.Should().Equal(
            $"loglinq: 1:{column}: nginx(...): the ' that opens this piece of the format is not closed",
            $"  {query}",
            $"  {new string(' ', column - 1)}^");
    }

    [Fact]
    public async Task A_big_file_read_in_parallel_ranges_gives_the_answers_arithmetic_gives()
    {
        // 200,000 lines of about 120 bytes (23 MB, over the 16 MB from which a file is cut into ranges),
        // line i (0-based) being: vhost a.example when i % 4 == 0, else b.example; status 404 when
        // i % 10 == 0, else 200; bytes i % 1000; %D (i % 2000) * 1000 µs. One line more, not in the
        // format, after the 150,000th: line 150,001 of the file.
        const int Lines = 200_000;
        string log = _dir.File("big.log");
        using (var writer = new StreamWriter(log, append: false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            for (int i = 0; i < Lines; i++)
            {
                if (i == 150_000)
                {
                    writer.WriteLine("this line is not in the format");
                }

                writer.WriteLine(
                    $"{(i % 4 == 0 ? "a" : "b")}.example:443 10.0.{i / 256 % 256}.{i % 256} - - [27/Nov/2026:10:00:00 +0000] \"GET /item/{i} HTTP/1.1\" {(i % 10 == 0 ? 404 : 200)} {i % 1000} \"-\" \"loadgen/1.0\" {i % 2000 * 1000}");
            }
        }

        new FileInfo(log).Length.Should().BeGreaterThan(16 * 1024 * 1024);
        string from = $"from \"{log}\" as apache(\"{ApacheFormat}\")";

        LoglinqProcess.Result slow = await LoglinqProcess.RunAsync(["query", $"{from} | where duration > 1s | count", "--format", "tsv"]);
        LoglinqProcess.Result notFound = await LoglinqProcess.RunAsync(["query", $"{from} | where status == 404 | count", "--format", "tsv"]);
        LoglinqProcess.Result byVhost = await LoglinqProcess.RunAsync(
            ["query", $"{from} | summarize count() as n, sum(bytes) as sent by vhost | sort by vhost", "--format", "tsv"]);
        LoglinqProcess.Result explain = await LoglinqProcess.RunAsync(["query", $"{from} | where duration > 1s | count", "--explain"]);

        // Over 1 s: i % 2000 from 1001 to 1999, 999 of every 2,000 lines, 100 times over.
        slow.ExitCode.Should().Be(0, slow.ToString());
        slow.Stdout.Should().Be("count\n99900\n");
        slow.Stderr.Should().Contain($"{log}:150001: ");

        // 404: one line in ten.
        notFound.Stdout.Should().Be("count\n20000\n");

        // a.example: i = 4k, whose bytes 4k % 1000 run 0, 4, ..., 996 (sum 124,500) 200 times; all
        // lines' bytes 0 to 999 (sum 499,500) 200 times are 99,900,000, of which b.example has the rest.
        byVhost.ExitCode.Should().Be(0, byVhost.ToString());
        byVhost.Stdout.Should().Be("vhost\tn\tsent\na.example:443\t50000\t24900000\nb.example:443\t150000\t75000000\n");

        explain.Stdout.Should().Contain("format apache(").And.Contain("cut into newline-aligned ranges");
    }
}

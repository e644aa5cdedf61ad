namespace LogLinq.Tests.Cli;

/// <summary>
/// The built loglinq over lighttpd's access log in its default format, which mod_accesslog's
/// documentation gives as <c>%h %V %u %t "%r" %&gt;s %b "%{Referer}i" "%{User-Agent}i"</c>: the virtual
/// host (<c>%V</c>) where Apache's Combined has the RFC 1413 identity. A host name there is the
/// <c>vhost</c> (an identity is a user's name, and <c>-</c> on nearly every line of every server);
/// <c>ident</c> keeps it as written. Answers worked out by hand from the lines.
/// </summary>
public sealed class LighttpdLogCommandTests : IDisposable
{
    private const string Log =
        "192.0.2.10 www.example.org - [10/Mar/2024:14:02:11 +0100] \"GET /index.html HTTP/1.1\" 200 4096 \"-\" \"curl/8.5.0\"\n"
        + "198.51.100.7 blog.example.org - [10/Mar/2024:14:02:12 +0100] \"GET /feed HTTP/1.1\" 304 0 \"https://www.example.org/\" \"Mozilla/5.0\"\n"
        + "198.51.100.8 192.0.2.1:8080 alice [10/Mar/2024:14:02:13 +0100] \"GET /admin HTTP/1.1\" 401 351 \"-\" \"curl/8.5.0\"\n"
        + "203.0.113.4 - - [10/Mar/2024:14:02:14 +0100] \"GET / HTTP/1.0\" 400 349 \"-\" \"-\"\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_host_name_in_the_ident_s_place_is_the_vhost()
    {
        string log = _dir.Write("access.log", Log);

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | select host, ident, user, path, status, vhost", "--format", "csv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be(
            "host,ident,user,path,status,vhost\r\n"
            + "192.0.2.10,www.example.org,-,/index.html,200,www.example.org\r\n"
            + "198.51.100.7,blog.example.org,-,/feed,304,blog.example.org\r\n"
            + "198.51.100.8,192.0.2.1:8080,alice,/admin,401,192.0.2.1:8080\r\n"
            + "203.0.113.4,-,-,/,400,\r\n",
            run.ToString());
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Requests_are_counted_by_site_and_an_identity_is_no_site()
    {
        // An identd's answer (a user's name) stays the ident alone.
        string log = _dir.Write("access.log", Log + "203.0.113.5 frank - [10/Mar/2024:14:02:15 +0100] \"GET /x HTTP/1.1\" 200 1 \"-\" \"-\"\n");

        LoglinqProcess.Result run = await LoglinqProcess.RunAsync(
            ["query", $"from \"{log}\" | where vhost != null | summarize count() as n, sum(bytes) as sent by vhost | sort by vhost", "--format", "tsv"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Be("vhost\tn\tsent\n192.0.2.1:8080\t1\t351\nblog.example.org\t1\t0\nwww.example.org\t1\t4096\n", run.ToString());
    }
}
